package io.vigie.apisupport;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per client address and path prefix ({@code vigie.rate-limit.*}) on public endpoints: past the burst and the sustained
 * rate, a 429 problem with {@code Retry-After}, before any parsing, signature check or database access.
 */
@Singleton
public class RateLimitFilter {

    private final List<String> paths;
    private final double perSecond;
    private final int burst;
    private final Map<String, double[]> buckets;

    /**
     * Settings are plain properties (a {@code @ConfigMapping} in a library jar is not registered without a Jandex
     * index, which this build cannot produce offline).
     *
     * @param paths      path prefixes that are limited, each with its own buckets, e.g. {@code /webhooks/meta}; none by default
     * @param perSecond  requests per second a client address may sustain on one prefix
     * @param burst      requests a client address may send at once before the sustained rate applies
     * @param max        client buckets remembered at most; past it the least recently used are forgotten
     */
    public RateLimitFilter(@ConfigProperty(name = "vigie.rate-limit.paths") Optional<List<String>> paths,
            @ConfigProperty(name = "vigie.rate-limit.per-second", defaultValue = "50") double perSecond,
            @ConfigProperty(name = "vigie.rate-limit.burst", defaultValue = "200") int burst,
            @ConfigProperty(name = "vigie.rate-limit.max-clients", defaultValue = "10000") int max) {
        this.paths = paths.orElse(List.of());
        this.perSecond = perSecond;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > max;
            }
        };
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(HttpServerRequest request) {
        if (paths.isEmpty()) {
            return null;
        }
        String path = request.path();
        String prefix = path == null ? null : paths.stream().filter(path::startsWith).findFirst().orElse(null);
        if (prefix == null) {
            return null;
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        double wait = take(client + " " + prefix, System.nanoTime());
        if (wait <= 0) {
            return null;
        }
        return Response.fromResponse(JsonBodyProblems.problem(429, "Too Many Requests",
                "more than " + burst + " requests at once or " + perSecond + " per second from " + client
                        + " on " + path, path))
                .header("Retry-After", String.valueOf((long) Math.ceil(wait))).build();
    }

    /** Takes a token from the client's bucket; 0 when allowed, else the seconds until one is available. */
    synchronized double take(String client, long nanos) {
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, nanos});
        double elapsed = (nanos - b[1]) / 1e9;
        b[0] = Math.min(burst, b[0] + elapsed * perSecond);
        b[1] = nanos;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return (1 - b[0]) / perSecond;
    }
}
