package io.vigie.apisupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The clock a service's time-dependent decisions read. */
public final class Clocks {

    private Clocks() {
    }

    /**
     * The system clock in UTC, or, when {@code start} is an ISO-8601 instant, a clock that starts there and runs at
     * normal speed (end-to-end tests and demos that need known opening hours; routing's and the centres service's
     * {@code clock-start}). A blank value is unset.
     */
    public static Clock startingAt(Optional<String> start) {
        Clock system = Clock.systemUTC();
        return start.filter(s -> !s.isBlank())
                .map(s -> Clock.offset(system, Duration.between(system.instant(), Instant.parse(s))))
                .orElse(system);
    }
}
