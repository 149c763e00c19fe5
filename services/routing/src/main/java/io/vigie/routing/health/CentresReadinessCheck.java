package io.vigie.routing.health;

import io.vigie.routing.service.CentreDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Routing is ready once it knows at least one centre (from centres.config or its seed file): before that it cannot route. */
@Readiness
@ApplicationScoped
public class CentresReadinessCheck implements HealthCheck {

    private final CentreDirectory directory;

    public CentresReadinessCheck(CentreDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("centres")
                .status(!directory.isEmpty())
                .withData("known", directory.centres().size())
                .withData("source", "centres.config (and vigie.routing.centres-seed-file)")
                .build();
    }
}
