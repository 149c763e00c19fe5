package io.vigie.routing.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/** Drives {@link RoutingFlow#tick()} every {@code vigie.routing.tick-every}; a run never overlaps the previous one. */
@ApplicationScoped
public class Ticker {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final RoutingFlow flow;
    private final AtomicBoolean started = new AtomicBoolean();

    public Ticker(RoutingFlow flow) {
        this.flow = flow;
    }

    void onStart(@Observes StartupEvent event) {
        started.set(true);
    }

    @Scheduled(every = "${vigie.routing.tick-every}", delayed = "${vigie.routing.tick-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!started.get()) {
            // The channels are wired during start; the first tick waits for it.
            return Uni.createFrom().voidItem();
        }
        return flow.tick().onFailure().invoke(e -> LOG.warnf(e, "routing tick failed; the next one retries"))
                .onFailure().recoverWithNull();
    }
}
