package io.vigie.ingestion.client;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.service.ConnectorStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The HTTP client every connector shares, and how network answers are classified and rate limits recorded. */
@ApplicationScoped
public class HttpSupport {

    private final WebClient client;
    private final ConnectorStatus status;
    private final long timeoutMs;

    public HttpSupport(Vertx vertx, ConnectorStatus status, IngestionConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000)
                .setUserAgent("Vigie-ingestion/0.1").setFollowRedirects(true));
        this.status = status;
        this.timeoutMs = config.outbound().timeout().toMillis();
    }

    /** A request to an absolute URL with the shared timeout. */
    public HttpRequest<Buffer> request(HttpMethod method, String url) {
        return client.requestAbs(method, url).timeout(timeoutMs);
    }

    /** The underlying client (for streaming requests that set their own timeouts). */
    public WebClient client() {
        return client;
    }

    /** Records the rate-limit headers X and others send ({@code x-rate-limit-remaining}, {@code x-rate-limit-reset}). */
    public void rateLimit(String connector, HttpResponse<?> r) {
        String remaining = r.getHeader("x-rate-limit-remaining");
        String reset = r.getHeader("x-rate-limit-reset");
        if (remaining != null) {
            try {
                status.rateLimit(connector, Integer.parseInt(remaining.strip()),
                        reset == null ? null : Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            } catch (NumberFormatException e) {
                status.error(connector, "unreadable rate-limit headers: " + remaining + " / " + reset);
            }
        }
    }

    /** Classifies a non-2xx answer to a post: 429 and 5xx are transient, other 4xx permanent. */
    public PostOutcome failure(String connector, HttpResponse<Buffer> r) {
        String body = r.bodyAsString();
        String reason = connector + " answered " + r.statusCode() + ": " + (body == null ? "" : abbreviate(body, 300));
        status.error(connector, reason);
        if (r.statusCode() == 429 || r.statusCode() >= 500) {
            String reset = r.getHeader("x-rate-limit-reset");
            String retryAfter = r.getHeader("retry-after");
            Instant notBefore = null;
            try {
                if (reset != null) {
                    notBefore = Instant.ofEpochSecond(Long.parseLong(reset.strip()));
                } else if (retryAfter != null) {
                    notBefore = Instant.now().plusSeconds(Long.parseLong(retryAfter.strip()));
                }
            } catch (NumberFormatException ignored) {
                // no usable hint: the caller's backoff applies
            }
            return new PostOutcome.Retry(reason, notBefore);
        }
        return new PostOutcome.Failed(reason);
    }

    /** A connection error or timeout: transient. */
    public PostOutcome unreachable(String connector, Throwable t) {
        String reason = connector + " unreachable: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
        status.error(connector, reason);
        return new PostOutcome.Retry(reason, null);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
