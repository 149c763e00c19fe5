package io.vigie.centres.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The tests' clock: the system clock until a test sets an instant, and again after {@link #reset()}. */
@Alternative
@Priority(1)
@Singleton
public class SettableClock extends Clock {

    private volatile Instant fixed;

    /** Stops the clock at {@code at}. */
    public void set(Instant at) {
        this.fixed = at;
    }

    /** Back to the system clock. */
    public void reset() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
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
