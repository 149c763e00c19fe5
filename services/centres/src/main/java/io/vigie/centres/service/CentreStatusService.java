package io.vigie.centres.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.domain.BusinessHours;
import io.vigie.centres.messaging.CentreStatusPublisher;
import io.vigie.centres.repository.MetricsQueries;
import io.vigie.centres.repository.MetricsQueries.Backlog;
import io.vigie.events.CentreConfig;
import io.vigie.events.CentreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Live status of every centre: open or closed (business hours and holidays in its time zone, by the injected
 * clock), agents online (agents.presence), backlog and expected wait (conversations.routed and replies);
 * published on centres.status when it changes, and at least every heartbeat.
 */
@ApplicationScoped
public class CentreStatusService {

    private static final Logger LOG = Logger.getLogger(CentreStatusService.class);

    private final CentreDirectory centres;
    private final MetricsQueries queries;
    private final CentreStatusPublisher publisher;
    private final CentresConfig config;
    private final Clock clock;
    private final Map<String, CentreStatus> published = new ConcurrentHashMap<>();

    public CentreStatusService(CentreDirectory centres, MetricsQueries queries, CentreStatusPublisher publisher,
            CentresConfig config, Clock clock) {
        this.centres = centres;
        this.queries = queries;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${vigie.centres.status.interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return Uni.createFrom().deferred(this::refresh)
                .onFailure().invoke(e -> LOG.warnf("centre status not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Computes every active centre's status and publishes the ones that changed or are due a heartbeat. */
    public Uni<List<CentreStatus>> refresh() {
        return computeAll().chain(all -> Multi.createFrom().iterable(all).onItem().transformToUniAndConcatenate(s -> {
            CentreStatus last = published.get(s.centre());
            boolean due = last == null || !same(last, s)
                    // abs(): a clock set back (NTP step, a test's clock) is due too, not silent for the gap
                    || Duration.between(last.at(), s.at()).abs().compareTo(config.status().heartbeat()) >= 0;
            return due ? publisher.publish(s).invoke(() -> published.put(s.centre(), s)).replaceWith(s)
                    : Uni.createFrom().item(s);
        }).collect().asList());
    }

    /** The current status of one active centre, or null. */
    public Uni<CentreStatus> current(String id) {
        return computeAll().map(all -> all.stream().filter(s -> s.centre().equals(id)).findFirst().orElse(null));
    }

    /** The current status of every active centre, by id. */
    public Uni<List<CentreStatus>> computeAll() {
        Instant now = clock.instant();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        return Uni.combine().all().unis(queries.agentsOnline(), queries.backlog(null))
                .asTuple().chain(t -> Multi.createFrom().iterable(centres.active()).onItem()
                        .transformToUniAndConcatenate(c -> queries.responses(c.id(), hourAgo, now)
                                .map(r -> status(c, now, t.getItem1(), t.getItem2(), r.p50())))
                        .collect().asList());
    }

    private CentreStatus status(CentreConfig c, Instant now, Map<String, Integer> online, List<Backlog> backlog,
            Double handleSeconds) {
        boolean open = BusinessHours.isOpen(c, now);
        int agents = online.getOrDefault(c.id(), 0);
        int waiting = (int) backlog.stream().filter(b -> b.centre().equals(c.id())).mapToLong(Backlog::waiting).sum();
        double handle = handleSeconds == null ? config.status().defaultHandleSeconds() : handleSeconds;
        long wait = (long) Math.ceil((double) waiting / Math.max(1, agents)) * Math.round(handle);
        if (!open || agents == 0) {
            wait += BusinessHours.untilOpen(c, now).map(Duration::toSeconds).orElse(0L);
        }
        return new CentreStatus(CentreStatus.VERSION, c.id(), open, agents, waiting, wait, now);
    }

    private static boolean same(CentreStatus a, CentreStatus b) {
        return a.open() == b.open() && a.agentsOnline() == b.agentsOnline() && a.backlog() == b.backlog()
                && a.expectedWaitSeconds() == b.expectedWaitSeconds();
    }
}
