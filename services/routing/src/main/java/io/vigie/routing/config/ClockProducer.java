package io.vigie.routing.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the clock every routing decision reads; tests replace it with a controllable one. */
@ApplicationScoped
public class ClockProducer {

    /** The system clock in UTC, unless another {@link Clock} bean exists. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
