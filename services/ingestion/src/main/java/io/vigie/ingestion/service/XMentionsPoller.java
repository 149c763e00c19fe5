package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.client.XClient;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.domain.ConnectorCursor;
import io.vigie.ingestion.mapping.XPayloadMapper;
import io.vigie.ingestion.repository.CursorRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Polls the brand account's mentions ({@code GET /2/users/{id}/mentions}) with {@code since_id} kept in the database,
 * as a fallback to the stream and to backfill after a disconnection; stops while the rate-limit budget is spent.
 */
@ApplicationScoped
public class XMentionsPoller {

    private static final Logger LOG = Logger.getLogger(XMentionsPoller.class);
    static final String NAME = "x-mentions";

    private final XClient x;
    private final IngestionConfig.X config;
    private final CursorRepository cursors;
    private final XPayloadMapper mapper;
    private final NetworkIntake intake;
    private final ConnectorStatus status;
    private final ObjectMapper json;
    private final AtomicBoolean busy = new AtomicBoolean();

    public XMentionsPoller(XClient x, IngestionConfig config, CursorRepository cursors, XPayloadMapper mapper,
            NetworkIntake intake, ConnectorStatus status, ObjectMapper json) {
        this.x = x;
        this.config = config.x();
        this.cursors = cursors;
        this.mapper = mapper;
        this.intake = intake;
        this.status = status;
        this.json = json;
        status.declare(NAME, enabled() ? "idle" : "disabled");
    }

    boolean enabled() {
        return config.userId().isPresent() && config.bearerToken().filter(t -> !t.isBlank()).isPresent();
    }

    @Scheduled(every = "${vigie.ingestion.x.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return poll();
    }

    /** One poll: every new mention since the stored since_id, oldest page last; the cursor moves only once all are stored. */
    public Uni<Void> poll() {
        if (!enabled() || !busy.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Integer remaining = status.remaining(NAME);
        Instant reset = status.resetAt(NAME);
        if (remaining != null && remaining <= 0 && reset != null && Instant.now().isBefore(reset)) {
            busy.set(false);
            return Uni.createFrom().voidItem();
        }
        String source = "x:mentions:" + config.userId().get();
        String space = config.handle().map(h -> "x:@" + h.replaceFirst("^@", "")).orElse(null);
        return Panache.withSession(() -> cursors.findById(source))
                .chain(cursor -> page(source, space, cursor == null ? null : cursor.cursor, null, null))
                .onFailure().invoke(e -> {
                    status.error(NAME, String.valueOf(e.getMessage()));
                    LOG.warnf("X mentions poll failed: %s", e.getMessage());
                })
                .onFailure().recoverWithNull()
                .eventually(() -> busy.set(false));
    }

    private Uni<Void> page(String source, String space, String sinceId, String token, String newestSeen) {
        return x.mentions(config.userId().get(), sinceId, token).chain(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("mentions answered " + r.statusCode() + ": " + r.bodyAsString());
            }
            status.state(NAME, "polling");
            JsonNode body;
            try {
                body = json.readTree(r.bodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException("mentions page is not JSON", e);
            }
            String newest = max(newestSeen, body.path("meta").path("newest_id").asText(null));
            String next = body.path("meta").path("next_token").asText(null);
            return intake.take(NAME, mapper.items(body, space)).chain(result -> next != null
                    ? page(source, space, sinceId, next, newest)
                    : save(source, newest));
        });
    }

    private Uni<Void> save(String source, String newest) {
        if (newest == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> cursors.findById(source).chain(c -> {
            ConnectorCursor cursor = c != null ? c : new ConnectorCursor();
            cursor.source = source;
            cursor.cursor = max(cursor.cursor, newest);
            cursor.updatedAt = Instant.now();
            return c != null ? Uni.createFrom().item(cursor) : cursors.persist(cursor);
        })).replaceWithVoid();
    }

    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new BigInteger(a).compareTo(new BigInteger(b)) >= 0 ? a : b;
    }
}
