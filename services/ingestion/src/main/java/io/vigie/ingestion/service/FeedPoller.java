package io.vigie.ingestion.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vigie.ingestion.client.HttpSupport;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.domain.ConnectorCursor;
import io.vigie.ingestion.mapping.FeedMapper;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.messaging.RejectedPublisher;
import io.vigie.ingestion.repository.CursorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Polls RSS/Atom feeds with conditional GETs (If-None-Match / If-Modified-Since from the ETag and Last-Modified kept
 * in the database): a 304 costs nothing, a 200 is parsed and every entry ingested (known ones are duplicates).
 */
@ApplicationScoped
public class FeedPoller {

    static final String NAME = "rss";

    private final HttpSupport http;
    private final IngestionConfig.Rss config;
    private final CursorRepository cursors;
    private final FeedMapper mapper;
    private final NetworkIntake intake;
    private final RejectedPublisher rejected;
    private final ConnectorStatus status;

    public FeedPoller(HttpSupport http, IngestionConfig config, CursorRepository cursors, FeedMapper mapper,
            NetworkIntake intake, RejectedPublisher rejected, ConnectorStatus status) {
        this.http = http;
        this.config = config.rss();
        this.cursors = cursors;
        this.mapper = mapper;
        this.intake = intake;
        this.rejected = rejected;
        this.status = status;
        status.declare(NAME, config.rss().feeds().map(List::isEmpty).orElse(true) ? "disabled" : "idle");
    }

    @Scheduled(every = "${vigie.ingestion.rss.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        List<String> feeds = config.feeds().orElse(List.of());
        return Multi.createFrom().iterable(feeds).onItem().transformToUniAndConcatenate(this::poll).collect().last()
                .replaceWithVoid();
    }

    /** One conditional GET of one feed; errors are recorded, never thrown. */
    Uni<Void> poll(String url) {
        String source = "rss:" + url;
        return Panache.withSession(() -> cursors.findById(source)).chain(cursor -> {
            var req = http.request(HttpMethod.GET, url);
            if (cursor != null && cursor.etag != null) {
                req.putHeader("If-None-Match", cursor.etag);
            }
            if (cursor != null && cursor.lastModified != null) {
                req.putHeader("If-Modified-Since", cursor.lastModified);
            }
            return req.send().chain(r -> {
                status.state(NAME, "polling");
                if (r.statusCode() == 304) {
                    return Uni.createFrom().voidItem();
                }
                if (r.statusCode() != 200) {
                    status.error(NAME, url + " answered " + r.statusCode());
                    return Uni.createFrom().voidItem();
                }
                byte[] body = r.body() == null ? new byte[0] : r.body().getBytes();
                Uni<Void> ingest;
                try {
                    ingest = intake.take(NAME, mapper.items(url, body, Instant.now())).replaceWithVoid();
                } catch (InvalidPostException e) {
                    ingest = rejected.reject(NAME, source, e.getMessage(), new String(body, java.nio.charset.StandardCharsets.UTF_8));
                }
                String etag = r.getHeader("ETag");
                String lastModified = r.getHeader("Last-Modified");
                return ingest.chain(() -> save(source, etag, lastModified));
            });
        }).onFailure().invoke(e -> status.error(NAME, url + ": " + e.getMessage())).onFailure().recoverWithNull();
    }

    private Uni<Void> save(String source, String etag, String lastModified) {
        return Panache.withTransaction(() -> cursors.findById(source).chain(c -> {
            ConnectorCursor cursor = c != null ? c : new ConnectorCursor();
            cursor.source = source;
            cursor.etag = etag;
            cursor.lastModified = lastModified;
            cursor.updatedAt = Instant.now();
            return c != null ? Uni.createFrom().item(cursor) : cursors.persist(cursor);
        })).replaceWithVoid();
    }
}
