package io.vigie.routing.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Produces the clock every routing decision reads; tests replace it with a controllable one. */
@ApplicationScoped
public class ClockProducer {

    /**
     * The system clock in UTC, or, when {@code vigie.routing.clock-start} is set, a clock that starts at that instant
     * and runs at normal speed; unless another {@link Clock} bean exists.
     */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock(RoutingConfig config) {
        Clock system = Clock.systemUTC();
        return config.clockStart().filter(s -> !s.isBlank())
                .map(start -> Clock.offset(system, Duration.between(system.instant(), Instant.parse(start))))
                .orElse(system);
    }
}
