package io.vigie.centres.config;

import io.vigie.apisupport.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The clock every time-dependent decision reads (business hours, status, rolling windows); tests replace it. */
@ApplicationScoped
public class ClockProducer {

    /**
     * The system clock in UTC, or, when {@code vigie.centres.clock-start} is set, a clock that starts at that instant
     * and runs at normal speed, as routing's {@code vigie.routing.clock-start}: the system tests start both at the same
     * instant, so that a centre's published status (open, expected wait) agrees with routing's business hours whatever
     * the time of day the tests run.
     */
    @Produces
    @Singleton
    public Clock clock(@ConfigProperty(name = "vigie.centres.clock-start") Optional<String> start) {
        return Clocks.startingAt(start);
    }
}
