package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vigie.ingestion.client.XClient;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.mapping.NetworkItem;
import io.vigie.ingestion.mapping.XPayloadMapper;
import io.vigie.ingestion.messaging.RejectedPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Holds the X API v2 filtered stream open: reads its JSON lines (blank lines are keep-alives), ingests each post,
 * and reconnects with exponential backoff (or at the rate-limit reset) when the stream ends, fails or stays silent
 * longer than the stall timeout; after each reconnection the mentions poller backfills with since_id.
 */
@ApplicationScoped
public class XStreamConnector {

    private static final Logger LOG = Logger.getLogger(XStreamConnector.class);
    static final String NAME = "x-stream";

    private final Vertx vertx;
    private final IngestionConfig.X config;
    private final NetworkIntake intake;
    private final XPayloadMapper mapper;
    private final RejectedPublisher rejected;
    private final ConnectorStatus status;
    private final XMentionsPoller poller;
    private final ObjectMapper json;
    private final AtomicReference<HttpClientResponse> current = new AtomicReference<>();
    private HttpClient client;
    private volatile boolean running;
    private volatile Instant lastBytes = Instant.now();
    private volatile int failures;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private long stallTimer = -1;

    public XStreamConnector(Vertx vertx, IngestionConfig config, NetworkIntake intake, XPayloadMapper mapper,
            RejectedPublisher rejected, ConnectorStatus status, XMentionsPoller poller, ObjectMapper json) {
        this.vertx = vertx;
        this.config = config.x();
        this.intake = intake;
        this.mapper = mapper;
        this.rejected = rejected;
        this.status = status;
        this.poller = poller;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        if (!config.stream() || config.bearerToken().filter(t -> !t.isBlank()).isEmpty()) {
            status.declare(NAME, "disabled");
            return;
        }
        running = true;
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setIdleTimeout(0));
        status.declare(NAME, "connecting");
        stallTimer = vertx.setPeriodic(Math.max(500, config.stallTimeout().toMillis() / 4), t -> checkStall());
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (stallTimer >= 0) {
            vertx.cancelTimer(stallTimer);
        }
        HttpClientResponse r = current.getAndSet(null);
        if (r != null) {
            r.request().connection().close().subscribe().with(x -> { }, e -> { });
        }
    }

    private void connect() {
        if (!running) {
            return;
        }
        String url = config.baseUrl().replaceAll("/+$", "") + "/2/tweets/search/stream?" + XClient.TWEET_QUERY;
        lastBytes = Instant.now();
        long gen = generation.incrementAndGet();
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                        .putHeader("Authorization", "Bearer " + config.bearerToken().get()))
                .chain(req -> req.send())
                .subscribe().with(r -> opened(r, gen), e -> ended(gen, "connection failed: " + e, null));
    }

    private void opened(HttpClientResponse response, long gen) {
        String remaining = response.getHeader("x-rate-limit-remaining");
        String reset = response.getHeader("x-rate-limit-reset");
        if (remaining != null) {
            try {
                status.rateLimit(NAME, Integer.parseInt(remaining), reset == null ? null : Instant.ofEpochSecond(Long.parseLong(reset)));
            } catch (NumberFormatException ignored) {
                // unreadable headers do not stop the stream
            }
        }
        if (response.statusCode() != 200) {
            Instant notBefore = response.statusCode() == 429 && reset != null ? Instant.ofEpochSecond(Long.parseLong(reset)) : null;
            response.body().subscribe().with(b -> ended(gen, "stream answered " + response.statusCode() + ": " + b, notBefore),
                    e -> ended(gen, "stream answered " + response.statusCode(), notBefore));
            return;
        }
        current.set(response);
        status.state(NAME, "connected");
        LOG.info("X filtered stream connected");
        boolean reconnected = failures > 0;
        failures = 0;
        // Lines are handled one at a time, in order: the parser is paused while a post is being stored.
        io.vertx.core.parsetools.RecordParser lines = io.vertx.core.parsetools.RecordParser.newDelimited("\n",
                response.getDelegate());
        lines.handler(buffer -> {
            lines.pause();
            line(Buffer.newInstance(buffer)).subscribe().with(x -> lines.resume(), e -> lines.resume());
        });
        lines.exceptionHandler(e -> ended(gen, "stream broke: " + e, null));
        lines.endHandler(v -> ended(gen, "stream ended by X", null));
        if (reconnected) {
            // Backfill what was posted while disconnected.
            SafeContext.run(vertx.getDelegate(), poller::poll).subscribe().with(x -> { }, e -> status.error(NAME, "backfill failed: " + e));
        }
    }

    private Uni<Void> line(Buffer buffer) {
        lastBytes = Instant.now();
        String line = buffer.toString().strip();
        if (line.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<NetworkItem> items;
        try {
            items = mapper.items(json.readTree(line), config.handle().map(h -> "x:@" + h.replaceFirst("^@", "")).orElse(null));
        } catch (InvalidPostException e) {
            return rejected.reject(NAME, "x:stream", e.getMessage(), line);
        } catch (Exception e) {
            return rejected.reject(NAME, "x:stream", "stream line is not JSON: " + e.getMessage(), line);
        }
        return SafeContext.run(vertx.getDelegate(), () -> intake.take(NAME, items)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warn("X stream: could not store a post", e))
                .onFailure().invoke(e -> status.error(NAME, "could not store a post: " + e))
                .onFailure().recoverWithNull();
    }

    private void checkStall() {
        HttpClientResponse r = current.get();
        if (r != null && Duration.between(lastBytes, Instant.now()).compareTo(config.stallTimeout()) > 0) {
            LOG.warnf("X stream silent for more than %s: reconnecting", config.stallTimeout());
            long gen = generation.get();
            r.request().connection().close().subscribe().with(x -> { }, e -> { });
            ended(gen, "stalled: no data for more than " + config.stallTimeout(), null);
        }
    }

    private void ended(long gen, String reason, Instant notBefore) {
        // One reconnection per connection, however many ways it ends (exception, end, stall).
        if (!running || !generation.compareAndSet(gen, gen + 1)) {
            return;
        }
        current.set(null);
        failures++;
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        if (notBefore != null && Duration.between(Instant.now(), notBefore).compareTo(wait) > 0) {
            wait = Duration.between(Instant.now(), notBefore);
        }
        status.state(NAME, "reconnecting");
        status.error(NAME, reason);
        LOG.warnf("X stream: %s; reconnecting in %s", reason, wait);
        vertx.setTimer(Math.max(1, wait.toMillis()), t -> connect());
    }
}
