package io.vigie.routing.messaging;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigie.routing.config.RoutingConfig;
import io.vigie.routing.repository.DecisionRepository;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends stored decisions to conversations.routed, in order, keyed by conversation, and marks them published once the
 * broker acknowledged them; the tick sends again what stayed unpublished (outbox relay, ADR 0041).
 */
@ApplicationScoped
public class DecisionPublisher {

    /** Channel of the conversations.routed topic. */
    public static final String OUT = "conversations-routed";

    private static final int BATCH = 500;

    private final MutinyEmitter<String> emitter;
    private final DecisionRepository decisions;
    private final RoutingConfig config;
    private final Clock clock;

    public DecisionPublisher(@Channel(OUT) MutinyEmitter<String> emitter, DecisionRepository decisions,
            RoutingConfig config, Clock clock) {
        this.emitter = emitter;
        this.decisions = decisions;
        this.config = config;
        this.clock = clock;
    }

    /** Sends the decisions one after the other, then marks them published. */
    public Uni<Void> publish(List<StoredDecision> decisions) {
        List<StoredDecision> stored = decisions.stream().filter(Objects::nonNull).toList();
        if (stored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return send(stored).chain(() -> markPublished(stored.stream().map(StoredDecision::id).toList()));
    }

    /**
     * Hands every decision to the producer in order (a conversation's decisions share a key, hence a partition, and
     * the idempotent producer keeps their order), then waits for all the acknowledgements: one round trip per batch
     * instead of one per decision.
     */
    private Uni<Void> send(List<StoredDecision> stored) {
        List<Uni<Void>> sends = new ArrayList<>(stored.size());
        for (StoredDecision d : stored) {
            sends.add(emitter.sendMessage(Message.of(d.payload())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(d.conversationId()).build())));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> markPublished(List<Long> ids) {
        return decisions.markPublished(ids, clock.instant()).replaceWithVoid();
    }

    /** Sends again the decisions left unpublished for longer than {@code vigie.routing.republish-after}. */
    @WithTransaction
    public Uni<Integer> republish() {
        return decisions.lockUnpublished(clock.instant().minus(config.republishAfter()), BATCH)
                .chain(stale -> stale.isEmpty() ? Uni.createFrom().item(0)
                        : send(stale).chain(() -> decisions.markPublished(stale.stream().map(StoredDecision::id).toList(),
                                clock.instant())));
    }
}
