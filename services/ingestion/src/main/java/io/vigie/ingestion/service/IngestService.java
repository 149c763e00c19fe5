package io.vigie.ingestion.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.ingestion.domain.MentionRecord;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.mapping.MentionMapper;
import io.vigie.ingestion.mapping.ReplayPost;
import io.vigie.ingestion.messaging.MentionPublisher;
import io.vigie.ingestion.repository.MentionRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Business logic of the intake: validate, de-duplicate by (network, id), store, then publish.
 * A post is stored before it is acknowledged, so a crash between the two is repaired by {@link Republisher}.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final MentionMapper mapper;
    private final MentionRepository repository;
    private final MentionPublisher publisher;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final WatchlistMatcher matcher;

    public IngestService(MentionMapper mapper, MentionRepository repository, MentionPublisher publisher,
            ObjectMapper json, MeterRegistry metrics, WatchlistMatcher matcher) {
        this.matcher = matcher;
        this.mapper = mapper;
        this.repository = repository;
        this.publisher = publisher;
        this.json = json;
        this.metrics = metrics;
    }

    /** Accepts one post; a post that cannot be normalised is reported as rejected, never stored. */
    public Uni<IngestResult> ingest(ReplayPost post) {
        Mention mention;
        try {
            mention = mapper.toMention(post, List.of(), Instant.now());
        } catch (InvalidPostException e) {
            count(IngestResult.Status.REJECTED, post == null ? "unknown" : String.valueOf(post.network()));
            return Uni.createFrom().item(IngestResult.rejected(e.getMessage()));
        }
        return accept(mention);
    }

    /**
     * Tags a normalised mention with its watchlists, stores it if it is new, then publishes it. When the returned
     * Uni completes, a new mention is stored (and will reach mentions.raw even if this process dies now).
     */
    public Uni<IngestResult> accept(Mention normalised) {
        return matcher.tag(normalised).chain(mention -> store(mention).chain(stored -> {
            if (stored == null) {
                count(IngestResult.Status.DUPLICATE, mention.network());
                return Uni.createFrom().item(IngestResult.duplicate(mention.key()));
            }
            count(IngestResult.Status.ACCEPTED, mention.network());
            return publish(mention).replaceWith(IngestResult.accepted(mention.key()));
        }));
    }

    /** Accepts normalised mentions one after the other, in order. */
    public Uni<List<IngestResult>> acceptAll(List<Mention> mentions) {
        return Multi.createFrom().iterable(mentions).onItem().transformToUniAndConcatenate(this::accept).collect().asList();
    }

    /** Accepts posts one after the other, in order, and reports each outcome. */
    public Uni<List<IngestResult>> ingestAll(List<ReplayPost> posts) {
        return Multi.createFrom().iterable(posts).onItem().transformToUniAndConcatenate(this::ingest).collect().asList();
    }

    /** Publishes a stored mention and marks it published; failures leave it to the republisher. */
    Uni<Void> publish(Mention mention) {
        return publisher.publish(mention)
                .chain(() -> Panache.withTransaction(() -> repository.markPublished(mention.key(), Instant.now())))
                .onFailure().invoke(e -> LOG.warnf(e, "Mention %s stored but not yet published; the republisher will retry",
                        mention.key()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Stores the mention if its key is new; emits null for a duplicate. */
    private Uni<MentionRecord> store(Mention mention) {
        return Panache.withTransaction(() -> repository.findById(mention.key()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().nullItem();
            }
            MentionRecord record = new MentionRecord();
            record.key = mention.key();
            record.network = mention.network();
            record.nativeId = mention.nativeId();
            record.conversationKey = mention.conversationKey();
            record.payload = toJson(mention);
            record.acceptedAt = mention.acceptedAt();
            return repository.persist(record);
        }));
    }

    String toJson(Mention mention) {
        try {
            return json.writeValueAsString(mention);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mention not serialisable", e);
        }
    }

    private void count(IngestResult.Status status, String network) {
        metrics.counter("vigie.ingestion.posts", "status", status.name().toLowerCase(), "network", network).increment();
    }
}
