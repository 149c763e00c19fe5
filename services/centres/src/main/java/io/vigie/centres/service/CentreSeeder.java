package io.vigie.centres.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.config.CentresConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Inserts the deployment's seed centres at start-up (a bad seed file stops the start with every reason), then
 * publishes every centre on centres.config; afterwards relays the changes the broker has not acknowledged yet.
 */
@ApplicationScoped
public class CentreSeeder {

    private static final Logger LOG = Logger.getLogger(CentreSeeder.class);

    private final CentreService centres;
    private final CentresConfig config;

    public CentreSeeder(CentreService centres, CentresConfig config) {
        this.centres = centres;
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) throws Throwable {
        if (config.seedFile().isPresent()) {
            var seed = centres.readSeed(config.seedFile().get());
            int inserted = VertxContextSupport.subscribeAndAwait(() -> centres.insertAbsent(seed));
            LOG.infof("Seed %s: %d centres, %d new", config.seedFile().get(), seed.size(), inserted);
        }
        int published = VertxContextSupport.subscribeAndAwait(centres::publishAll);
        LOG.infof("Published %d centres on centres.config", published);
    }

    @Scheduled(every = "${vigie.centres.republish-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return Uni.createFrom().deferred(centres::publishPending).invoke(n -> {
            if (n > 0) {
                LOG.infof("Sent %d pending centre configurations again", n);
            }
        }).onFailure().invoke(e -> LOG.warnf("pending centre configurations not sent yet: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
