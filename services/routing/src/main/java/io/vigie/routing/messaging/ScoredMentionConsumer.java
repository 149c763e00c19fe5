package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.apisupport.RecordBatches;
import io.vigie.events.ScoredMention;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads mentions.scored (group routing) one poll at a time: routes the batch in one transaction, publishes its
 * decisions, dispatches each centre concerned once, and acknowledges the batch after that. An unreadable record goes to
 * mentions.scored.dlq with its reason; if the batch as a whole fails (a deadlock with another instance, a row that
 * breaks a constraint), its records are routed again one by one, and only the ones that fail alone are dead-lettered.
 */
@ApplicationScoped
public class ScoredMentionConsumer {

    /** Channel of the mentions.scored topic (batch mode). */
    public static final String IN = "mentions-scored";
    /** Channel of mentions.scored.dlq. */
    public static final String DEAD_LETTER = "mentions-scored-dlq";

    private final RecordBatches<ScoredMention> batches;

    public ScoredMentionConsumer(RoutingFlow flow, ObjectMapper json,
            @Channel(DEAD_LETTER) MutinyEmitter<Record<String, String>> deadLetters) {
        this.batches = new RecordBatches<>(payload -> parse(json, payload), flow::onScoredBatch, flow::onScored,
                deadLetters, Logger.getLogger(ScoredMentionConsumer.class));
    }

    @Incoming(IN)
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return batches.handle(batch);
    }

    /** Parses and checks a mentions.scored record; a bad one fails with the reason its dead letter carries. */
    public static ScoredMention parse(ObjectMapper json, String payload) {
        ScoredMention scored;
        try {
            scored = json.readValue(payload, ScoredMention.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a ScoredMention event: " + e.getMessage(), e);
        }
        if (scored == null || scored.mention() == null || scored.language() == null || scored.language().isBlank()) {
            throw new IllegalArgumentException("not a ScoredMention event: mention and language are required");
        }
        if (scored.version() > ScoredMention.VERSION) {
            throw new IllegalArgumentException("ScoredMention version " + scored.version() + " is newer than "
                    + ScoredMention.VERSION + ", the one routing knows");
        }
        return scored;
    }
}
