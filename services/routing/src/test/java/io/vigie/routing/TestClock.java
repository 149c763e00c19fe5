package io.vigie.routing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The controllable clock of the tests: it replaces the system clock bean; tests set or advance it, never sleep. */
@Singleton
public class TestClock extends Clock {

    /** A Monday, 15:00 UTC: Montpellier and Bratislava 16:00, Austin 09:00, São Paulo 12:00, all open. */
    public static final Instant BASE = Instant.parse("2026-11-23T15:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(BASE);

    public void set(Instant at) {
        now.set(at);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
