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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * Accepts posts in order and reports each outcome, as {@link #ingest} one after the other would, but in slices of
     * {@link #SLICE}: one transaction stores a slice's new mentions, their records are sent together (in order, so a
     * thread's posts stay in order on their partition), and one update marks the acknowledged ones published. One
     * transaction and one broker round trip per post capped a replay at a few hundred posts per second
     * (docs/performance.md).
     */
    public Uni<List<IngestResult>> ingestAll(List<ReplayPost> posts) {
        List<List<ReplayPost>> slices = new ArrayList<>();
        for (int i = 0; i < posts.size(); i += SLICE) {
            slices.add(posts.subList(i, Math.min(posts.size(), i + SLICE)));
        }
        return Multi.createFrom().iterable(slices).onItem().transformToUniAndConcatenate(this::ingestSlice)
                .collect().asList().map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    /** Posts of one replay slice: stored in one transaction, published together. */
    static final int SLICE = 500;

    private Uni<List<IngestResult>> ingestSlice(List<ReplayPost> posts) {
        Instant now = Instant.now();
        IngestResult[] results = new IngestResult[posts.size()];
        List<Mention> normalised = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            ReplayPost post = posts.get(i);
            try {
                normalised.add(mapper.toMention(post, List.of(), now));
                positions.add(i);
            } catch (InvalidPostException e) {
                count(IngestResult.Status.REJECTED, post == null ? "unknown" : String.valueOf(post.network()));
                results[i] = IngestResult.rejected(e.getMessage());
            }
        }
        if (normalised.isEmpty()) {
            return Uni.createFrom().item(List.of(results));
        }
        return Multi.createFrom().iterable(normalised).onItem().transformToUniAndConcatenate(matcher::tag).collect()
                .asList()
                .chain(tagged -> storeAll(tagged).chain(fresh -> {
                    List<Mention> stored = new ArrayList<>();
                    for (int j = 0; j < tagged.size(); j++) {
                        Mention m = tagged.get(j);
                        if (fresh.contains(m.key()) && fresh.remove(m.key())) {
                            count(IngestResult.Status.ACCEPTED, m.network());
                            results[positions.get(j)] = IngestResult.accepted(m.key());
                            stored.add(m);
                        } else {
                            count(IngestResult.Status.DUPLICATE, m.network());
                            results[positions.get(j)] = IngestResult.duplicate(m.key());
                        }
                    }
                    return publishAll(stored).replaceWith(() -> List.of(results));
                }));
    }

    /** Stores the mentions whose keys are new (the first of equal keys); emits those keys. */
    private Uni<Set<String>> storeAll(List<Mention> mentions) {
        List<String> keys = mentions.stream().map(Mention::key).distinct().toList();
        return Panache.withTransaction(() -> repository.known(keys).chain(known -> {
            Set<String> fresh = new LinkedHashSet<>();
            List<MentionRecord> records = new ArrayList<>();
            for (Mention mention : mentions) {
                if (known.contains(mention.key()) || !fresh.add(mention.key())) {
                    continue;
                }
                records.add(record(mention));
            }
            return records.isEmpty() ? Uni.createFrom().item(fresh)
                    : repository.persist(records).replaceWith(fresh);
        }));
    }

    /**
     * Sends the stored mentions, in order, at most {@link #IN_FLIGHT} awaiting their acknowledgement at a time, then
     * marks the acknowledged ones published; failures are left to the republisher.
     */
    private Uni<Void> publishAll(List<Mention> stored) {
        if (stored.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(stored).onItem()
                .transformToUni(m -> publisher.publish(m).replaceWith(m.key())
                        .onFailure().invoke(e -> LOG.warnf(e,
                                "Mention %s stored but not yet published; the republisher will retry", m.key()))
                        .onFailure().recoverWithNull())
                .merge(IN_FLIGHT).collect().asList()
                .chain(keys -> {
                    List<String> acked = keys.stream().filter(java.util.Objects::nonNull).toList();
                    return acked.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.withTransaction(() -> repository.markPublished(acked, Instant.now()))
                                    .onFailure().invoke(e -> LOG.warnf(e, "%d mentions published but not marked; the "
                                            + "republisher will send them again", acked.size()))
                                    .onFailure().recoverWithNull().replaceWithVoid();
                });
    }

    /** Sends awaiting acknowledgement at once, within the emitter's buffer. */
    static final int IN_FLIGHT = 128;

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
            return repository.persist(record(mention));
        }));
    }

    private MentionRecord record(Mention mention) {
        MentionRecord record = new MentionRecord();
        record.key = mention.key();
        record.network = mention.network();
        record.nativeId = mention.nativeId();
        record.conversationKey = mention.conversationKey();
        record.payload = toJson(mention);
        record.acceptedAt = mention.acceptedAt();
        return record;
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
