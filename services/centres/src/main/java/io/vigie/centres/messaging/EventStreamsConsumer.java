package io.vigie.centres.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.apisupport.RecordBatches;
import io.vigie.apisupport.Unavailable;
import io.vigie.centres.domain.Terms;
import io.vigie.centres.repository.MetricsWriter;
import io.vigie.events.AgentPresence;
import io.vigie.events.Alert;
import io.vigie.events.ConversationClosed;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Reply;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.ToIntFunction;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads every stream the wall shows (with its own consumer group) and folds it into the live metrics. An
 * unreadable or too-new record fails and lands on {@code <topic>.dlq} with its reason; nothing is skipped silently.
 * mentions.scored and conversations.routed, the busiest streams, are read in batches of one poll, each counted in
 * one transaction.
 */
@ApplicationScoped
public class EventStreamsConsumer {

    /** Channel of mentions.scored. */
    public static final String MENTIONS_SCORED = "mentions-scored";
    /** Channel of conversations.routed. */
    public static final String CONVERSATIONS_ROUTED = "conversations-routed";
    /** Channel of alerts. */
    public static final String ALERTS = "alerts";
    /** Channel of replies.outbound. */
    public static final String REPLIES_OUTBOUND = "replies-outbound";
    /** Channel of replies.receipts. */
    public static final String REPLIES_RECEIPTS = "replies-receipts";
    /** Channel of conversations.closed. */
    public static final String CONVERSATIONS_CLOSED = "conversations-closed";
    /** Channel of agents.presence. */
    public static final String AGENTS_PRESENCE = "agents-presence";

    /** Channel of mentions.scored.dlq, written by this consumer itself (batch mode). */
    public static final String MENTIONS_SCORED_DLQ = "mentions-scored-dlq";
    /** Channel of conversations.routed.dlq, written by this consumer itself (batch mode). */
    public static final String CONVERSATIONS_ROUTED_DLQ = "conversations-routed-dlq";

    private static final Logger LOG = Logger.getLogger(EventStreamsConsumer.class);

    private final MetricsWriter metrics;
    private final ObjectMapper json;
    private final RecordBatches<ScoredMention> scoredBatches;
    private final RecordBatches<RoutingDecision> routedBatches;

    public EventStreamsConsumer(MetricsWriter metrics, ObjectMapper json,
            @Channel(MENTIONS_SCORED_DLQ) MutinyEmitter<Record<String, String>> scoredDeadLetters,
            @Channel(CONVERSATIONS_ROUTED_DLQ) MutinyEmitter<Record<String, String>> routedDeadLetters) {
        this.metrics = metrics;
        this.json = json;
        this.scoredBatches = new RecordBatches<>(this::scored, batch -> metrics.scoredBatch(batch).replaceWithVoid(),
                s -> metrics.scored(s, Terms.of(s.mention().text())).replaceWithVoid(), scoredDeadLetters, LOG);
        this.routedBatches = new RecordBatches<>(this::routed, metrics::routedBatch, metrics::routed, routedDeadLetters,
                LOG);
    }

    /**
     * Counts one poll of mentions.scored in one transaction (ADR 0091, handled as ADR 0083 says: unreadable records
     * dead-lettered with their reason, a failed batch counted again one by one, only what still fails dead-lettered).
     */
    @Incoming(MENTIONS_SCORED)
    public Uni<Void> onScored(KafkaRecordBatch<String, String> batch) {
        return scoredBatches.handle(batch);
    }

    private ScoredMention scored(String payload) {
        return parse(payload, ScoredMention.class, ScoredMention::version, ScoredMention.VERSION, x -> {
            require(x.mention() != null, "mention");
            require(x.mention().createdAt() != null, "mention.createdAt");
        });
    }

    /** Records one poll of conversations.routed in one transaction, handled as {@link #onScored} is. */
    @Incoming(CONVERSATIONS_ROUTED)
    public Uni<Void> onRouted(KafkaRecordBatch<String, String> batch) {
        return routedBatches.handle(batch);
    }

    private RoutingDecision routed(String payload) {
        return parse(payload, RoutingDecision.class, RoutingDecision::version, RoutingDecision.VERSION, x -> {
            require(x.conversationId() != null, "conversationId");
            require(x.routedAt() != null, "routedAt");
            require(x.message() == null || x.message().mention() != null && x.message().mention().createdAt() != null,
                    "message.mention.createdAt");
        });
    }

    @Incoming(ALERTS)
    public Uni<Void> onAlert(String payload) {
        return Uni.createFrom().item(() -> parse(payload, Alert.class, Alert::version, Alert.VERSION, x -> {
            require(x.incidentId() != null, "incidentId");
            require(x.status() != null, "status");
            require(x.emittedAt() != null, "emittedAt");
        }))
                .chain(a -> Unavailable.retried(() -> metrics.alert(a), "an alerts record"));
    }

    @Incoming(REPLIES_OUTBOUND)
    public Uni<Void> onReply(String payload) {
        return Uni.createFrom().item(() -> parse(payload, Reply.class, Reply::version, Reply.VERSION, x -> {
            require(x.replyId() != null, "replyId");
            require(x.conversationId() != null, "conversationId");
            require(x.createdAt() != null, "createdAt");
        }))
                .chain(r -> Unavailable.retried(() -> metrics.reply(r), "a replies.outbound record"));
    }

    @Incoming(REPLIES_RECEIPTS)
    public Uni<Void> onReceipt(String payload) {
        return Uni.createFrom().item(() -> parse(payload, DeliveryReceipt.class, DeliveryReceipt::version, DeliveryReceipt.VERSION, x -> {
            require(x.replyId() != null, "replyId");
            require(x.conversationId() != null, "conversationId");
            require(x.status() != null, "status");
            require(x.at() != null, "at");
        }))
                .chain(r -> Unavailable.retried(() -> metrics.receipt(r), "a replies.receipts record"));
    }

    @Incoming(CONVERSATIONS_CLOSED)
    public Uni<Void> onClosed(String payload) {
        return Uni.createFrom().item(() -> parse(payload, ConversationClosed.class, ConversationClosed::version,
                ConversationClosed.VERSION, x -> {
                    require(x.conversationId() != null, "conversationId");
                    require(x.closedAt() != null, "closedAt");
                }))
                .chain(c -> Unavailable.retried(() -> metrics.closed(c), "a conversations.closed record"));
    }

    @Incoming(AGENTS_PRESENCE)
    public Uni<Void> onPresence(String payload) {
        return Uni.createFrom().item(() -> parse(payload, AgentPresence.class, AgentPresence::version, AgentPresence.VERSION, x -> {
            require(x.agentId() != null, "agentId");
            require(x.status() != null, "status");
            require(x.at() != null, "at");
        }))
                .chain(p -> Unavailable.retried(() -> metrics.presence(p), "an agents.presence record"));
    }

    private <T> T parse(String payload, Class<T> type, ToIntFunction<T> version, int known,
            java.util.function.Consumer<T> checks) {
        T event;
        try {
            event = json.readValue(payload, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " event: empty record");
        }
        if (version.applyAsInt(event) > known) {
            throw new IllegalArgumentException(type.getSimpleName() + " version " + version.applyAsInt(event)
                    + " is newer than the known version " + known);
        }
        checks.accept(event);
        return event;
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("required field missing: " + field);
        }
    }

}
