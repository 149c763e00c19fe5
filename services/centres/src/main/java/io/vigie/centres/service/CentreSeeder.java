package io.vigie.centres.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Loads the deployment's seed centres at start-up; a bad seed file stops the start with a clear message. */
@ApplicationScoped
public class CentreSeeder {

    private static final Logger LOG = Logger.getLogger(CentreSeeder.class);

    private final CentreService centres;
    private final Optional<Path> seedFile;

    public CentreSeeder(CentreService centres, @ConfigProperty(name = "vigie.centres.seed-file") Optional<Path> seedFile) {
        this.centres = centres;
        this.seedFile = seedFile;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (seedFile.isEmpty()) {
            return;
        }
        var seed = centres.readSeed(seedFile.get());
        VertxContextSupport.subscribeAndAwait(() -> centres.upsert(seed));
        LOG.infof("Loaded %d centres from %s", seed.size(), seedFile.get());
    }
}
