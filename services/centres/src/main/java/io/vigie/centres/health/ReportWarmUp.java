package io.vigie.centres.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.service.ReportService;
import io.vigie.centres.service.SpaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Warms a replica's report path up before it reports ready (ADR 0124). A service just started runs its SQL client,
 * report assembly and JSON writing interpreted until the JIT compiles them: over 10 million mentions the first round
 * of reports had a p95 of about 120 ms where later ones had under 50 (ADR 0122). At start-up this runs
 * {@code vigie.centres.reports.warm-up-rounds} rounds of the JSON report, the map of spaces and the recurring
 * questions of every centre over 1 hour to 90 days (ending at the current hour and at the current minute), one call
 * after another, and writes each answer as JSON; readiness is down until the rounds end, fail or time out, so
 * Kubernetes sends users to the replica once its report path is compiled. Failures are logged, never fatal.
 */
@Readiness
@ApplicationScoped
public class ReportWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ReportWarmUp.class);
    private static final List<Duration> PERIODS = List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(90));

    private final ReportService reports;
    private final SpaceService spaces;
    private final ObjectMapper json;
    private final Clock clock;
    private final int rounds;
    private final Duration timeout;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean finished;
    private volatile String outcome = "running";

    public ReportWarmUp(ReportService reports, SpaceService spaces, ObjectMapper json, Clock clock, CentresConfig config) {
        this.reports = reports;
        this.spaces = spaces;
        this.json = json;
        this.clock = clock;
        this.rounds = config.reports().warmUpRounds();
        this.timeout = config.reports().warmUpTimeout();
    }

    void onStart(@Observes StartupEvent event) {
        if (rounds <= 0) {
            finish("off");
            return;
        }
        long started = System.nanoTime();
        Multi.createFrom().range(0, rounds)
                .onItem().transformToUniAndConcatenate(r -> round().invoke(done::incrementAndGet))
                .collect().last()
                .ifNoItem().after(timeout).fail()
                .subscribe().with(
                        x -> {
                            finish("done");
                            LOG.infof("report warm-up: %d rounds in %d ms", rounds, (System.nanoTime() - started) / 1_000_000);
                        },
                        failure -> {
                            finish("stopped after " + done.get() + " rounds: " + failure);
                            LOG.warnf("report warm-up stopped after %d of %d rounds (%s); reporting ready anyway",
                                    done.get(), rounds, failure.toString());
                        });
    }

    /** One round: every period, ending at the current hour and at the current minute, through the three reports. */
    private Uni<Void> round() {
        Instant now = clock.instant();
        List<Instant> ends = List.of(now.truncatedTo(ChronoUnit.HOURS), now.truncatedTo(ChronoUnit.MINUTES));
        List<Uni<Void>> calls = new ArrayList<>();
        for (Instant end : ends) {
            for (Duration p : PERIODS) {
                Instant from = end.minus(p);
                calls.add(reports.report("*", from, end).map(this::write));
                calls.add(spaces.map("*", from, end).map(this::write));
                calls.add(reports.questions(from, end).map(this::write));
            }
        }
        return Multi.createFrom().iterable(calls).onItem().transformToUniAndConcatenate(u -> u).collect().last()
                .replaceWithVoid();
    }

    /** Writes an answer as the REST layer would, so its serializers are warm too. */
    private Void write(Object answer) {
        try {
            json.writeValueAsBytes(answer);
            return null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + answer.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private void finish(String how) {
        outcome = how;
        finished = true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("report warm-up").status(finished).withData("rounds", done.get() + "/" + rounds)
                .withData("outcome", outcome).build();
    }
}
