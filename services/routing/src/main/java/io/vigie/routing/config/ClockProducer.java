package io.vigie.routing.config;

import io.quarkus.arc.DefaultBean;
import io.vigie.apisupport.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

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
        return Clocks.startingAt(config.clockStart());
    }
}
