package io.vigie.ingestion.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Live state of every connector (connected, lag, last error, rate-limit budget), for the admin API and metrics. */
@jakarta.enterprise.context.ApplicationScoped
public class ConnectorStatus {

    /** What the admin API shows for one connector. */
    public record View(String connector, String state, Instant lastEventAt, Long lagSeconds, String lastError,
            Instant lastErrorAt, Integer rateLimitRemaining, Instant rateLimitResetAt, long received, long rejected) {
    }

    private static final class State {
        volatile String state = "idle";
        volatile Instant lastEventAt;
        volatile Duration lag;
        volatile String lastError;
        volatile Instant lastErrorAt;
        volatile Integer remaining;
        volatile Instant resetAt;
        volatile long received;
        volatile long rejected;
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    private State of(String connector) {
        return states.computeIfAbsent(connector, c -> new State());
    }

    /** Declares a connector and its initial state (e.g. {@code disabled} when its credentials are missing). */
    public void declare(String connector, String state) {
        of(connector).state = state;
    }

    public void state(String connector, String state) {
        of(connector).state = state;
    }

    /** A post arrived; {@code createdAt} (may be null) gives the lag between the network and us. */
    public void received(String connector, Instant createdAt) {
        State s = of(connector);
        s.received++;
        s.lastEventAt = Instant.now();
        if (createdAt != null) {
            s.lag = Duration.between(createdAt, s.lastEventAt);
        }
    }

    public void rejected(String connector) {
        of(connector).rejected++;
    }

    public void error(String connector, String error) {
        State s = of(connector);
        s.lastError = error;
        s.lastErrorAt = Instant.now();
    }

    /** The rate-limit budget announced by the network's response headers. */
    public void rateLimit(String connector, Integer remaining, Instant resetAt) {
        State s = of(connector);
        s.remaining = remaining;
        s.resetAt = resetAt;
    }

    /** The rate-limit budget left, if known. */
    public Integer remaining(String connector) {
        return of(connector).remaining;
    }

    /** When the rate-limit window resets, if known. */
    public Instant resetAt(String connector) {
        return of(connector).resetAt;
    }

    /** Every connector's state, by name. */
    public Map<String, View> all() {
        Map<String, View> out = new TreeMap<>();
        states.forEach((name, s) -> out.put(name, new View(name, s.state, s.lastEventAt,
                s.lag == null ? null : s.lag.toSeconds(), s.lastError, s.lastErrorAt, s.remaining, s.resetAt, s.received,
                s.rejected)));
        return out;
    }
}
