package io.vigie.workspace.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.apisupport.RecordBatches;
import io.vigie.events.RoutingDecision;
import io.vigie.workspace.service.ConversationService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads conversations.routed into the agents' view, one poll at a time in one transaction (decisions without a
 * message update routing only); unreadable records, and decisions that cannot be applied, go to the dead-letter topic
 * with their reason (ADR 0083).
 */
@ApplicationScoped
public class RoutingDecisionConsumer {

    /** Channel of the conversations.routed topic (batch mode). */
    public static final String IN = "conversations-routed";
    /** Channel of conversations.routed.dlq. */
    public static final String DEAD_LETTER = "conversations-routed-dlq";

    private final ObjectMapper json;
    private final RecordBatches<RoutingDecision> batches;

    public RoutingDecisionConsumer(ConversationService conversations, ObjectMapper json,
            @Channel(DEAD_LETTER) MutinyEmitter<Record<String, String>> deadLetters) {
        this.json = json;
        this.batches = new RecordBatches<>(this::parse, conversations::applyBatch,
                d -> conversations.apply(d).replaceWithVoid(), deadLetters, Logger.getLogger(RoutingDecisionConsumer.class));
    }

    @Incoming(IN)
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return batches.handle(batch);
    }

    private RoutingDecision parse(String payload) {
        try {
            RoutingDecision d = json.readValue(payload, RoutingDecision.class);
            // centre may be null: a conversation no centre may take yet, kept until a later decision gives it one
            if (d.conversationId() == null || (d.message() != null && d.message().mention() == null)) {
                throw new IllegalArgumentException("conversationId and (with a message) message.mention are required");
            }
            if (d.version() > RoutingDecision.VERSION) {
                throw new IllegalArgumentException("RoutingDecision version " + d.version() + " is newer than "
                        + RoutingDecision.VERSION);
            }
            return d;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a RoutingDecision event: " + e.getMessage(), e);
        }
    }
}
