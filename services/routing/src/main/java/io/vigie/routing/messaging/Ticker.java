package io.vigie.routing.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Drives {@link RoutingFlow#tick()} every {@code vigie.routing.tick-every}; a run never overlaps the previous one. */
@ApplicationScoped
public class Ticker {

    private static final Logger LOG = Logger.getLogger(Ticker.class);

    private final RoutingFlow flow;

    public Ticker(RoutingFlow flow) {
        this.flow = flow;
    }

    @Scheduled(every = "${vigie.routing.tick-every}", delayed = "${vigie.routing.tick-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return flow.tick().onFailure().invoke(e -> LOG.warnf(e, "routing tick failed; the next one retries"))
                .onFailure().recoverWithNull();
    }
}
