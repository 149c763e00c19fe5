package io.vigie.ingestion.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.mapping.MentionMapper;
import io.vigie.ingestion.mapping.NetworkItem;
import io.vigie.ingestion.messaging.RejectedPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Takes the items a connector read from a network: posts are normalised and ingested (tagged, de-duplicated, stored,
 * published), unnormalisable ones are dead-lettered with their reason, known non-posts are counted. The returned Uni
 * completes once every item is stored or acknowledged by the broker, so a connector may then acknowledge the network.
 */
@ApplicationScoped
public class NetworkIntake {

    private final MentionMapper mapper;
    private final IngestService ingest;
    private final RejectedPublisher rejected;
    private final ConnectorStatus status;
    private final MeterRegistry metrics;

    public NetworkIntake(MentionMapper mapper, IngestService ingest, RejectedPublisher rejected, ConnectorStatus status,
            MeterRegistry metrics) {
        this.mapper = mapper;
        this.ingest = ingest;
        this.rejected = rejected;
        this.status = status;
        this.metrics = metrics;
    }

    /** Processes the items in order. */
    public Uni<WebhookResult> take(String connector, List<NetworkItem> items) {
        AtomicIntegerArray counts = new AtomicIntegerArray(4);
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> one(connector, item, counts))
                .collect().last()
                .map(x -> new WebhookResult(counts.get(0), counts.get(1), counts.get(2), counts.get(3)));
    }

    private Uni<Void> one(String connector, NetworkItem item, AtomicIntegerArray counts) {
        if (item instanceof NetworkItem.Ignored ignored) {
            counts.incrementAndGet(3);
            count(connector, "ignored");
            return Uni.createFrom().voidItem();
        }
        if (item instanceof NetworkItem.Rejected r) {
            return reject(connector, r.key(), r.reason(), r.raw(), counts);
        }
        NetworkItem.Post post = (NetworkItem.Post) item;
        Mention mention;
        try {
            mention = mapper.toMention(post.post(), List.of(), Instant.now());
        } catch (InvalidPostException e) {
            String key = post.post().network() + ":" + post.post().id();
            return reject(connector, key, "cannot normalise: " + e.getMessage(), post.raw(), counts);
        }
        status.received(connector, mention.createdAt());
        return ingest.accept(mention).invoke(result -> {
            switch (result.status()) {
                case ACCEPTED -> counts.incrementAndGet(0);
                case DUPLICATE -> counts.incrementAndGet(1);
                case REJECTED -> counts.incrementAndGet(2);
            }
            count(connector, result.status().name().toLowerCase());
        }).replaceWithVoid();
    }

    private Uni<Void> reject(String connector, String key, String reason, String raw, AtomicIntegerArray counts) {
        counts.incrementAndGet(2);
        count(connector, "dead-lettered");
        status.rejected(connector);
        return rejected.reject(connector, key, reason, raw);
    }

    private void count(String connector, String outcome) {
        metrics.counter("vigie.ingestion.connector.items", "connector", connector, "outcome", outcome).increment();
    }
}
