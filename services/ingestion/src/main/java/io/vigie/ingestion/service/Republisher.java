package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.domain.MentionRecord;
import io.vigie.ingestion.repository.MentionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Outbox relay: publishes again the accepted mentions whose publication was never acknowledged (crash, broker down). */
@ApplicationScoped
public class Republisher {

    private static final Logger LOG = Logger.getLogger(Republisher.class);
    private static final int BATCH = 500;

    private final MentionRepository repository;
    private final IngestService ingest;
    private final ObjectMapper json;
    private final Duration republishAfter;

    public Republisher(MentionRepository repository, IngestService ingest, ObjectMapper json,
            IngestionConfig config) {
        this.repository = repository;
        this.ingest = ingest;
        this.json = json;
        this.republishAfter = config.republishAfter();
    }

    /** Runs every few seconds; one run at a time. */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> republish() {
        return Panache.withSession(() -> repository.unpublished(Instant.now().minus(republishAfter), BATCH))
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::republish)
                .collect().last()
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warn("Republishing failed; will retry", e))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> republish(MentionRecord record) {
        try {
            LOG.infof("Republishing mention %s accepted at %s", record.key, record.acceptedAt);
            return ingest.publish(json.readValue(record.payload, Mention.class));
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
