package io.vigie.centres.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock every time-dependent decision reads (business hours, status, rolling windows); tests replace it. */
@ApplicationScoped
public class ClockProducer {

    /** The system clock in UTC. */
    @Produces
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
