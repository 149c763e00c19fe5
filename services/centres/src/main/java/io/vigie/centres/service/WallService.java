package io.vigie.centres.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.domain.Figures;
import io.vigie.centres.domain.WallSnapshot;
import io.vigie.centres.domain.WallSnapshot.Curves;
import io.vigie.centres.domain.WallSnapshot.SlaRow;
import io.vigie.centres.repository.MetricsQueries;
import io.vigie.centres.repository.MetricsQueries.Point;
import io.vigie.centres.repository.MetricsWriter;
import io.vigie.events.CentreConfig;
import io.vigie.events.CentreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the wall's snapshot of a scope from the live metrics, the centres' status and the incidents. */
@ApplicationScoped
public class WallService {

    private final MetricsService metrics;
    private final MetricsQueries queries;
    private final CentreStatusService status;
    private final CentreDirectory directory;
    private final CentresConfig config;
    private final Clock clock;

    public WallService(MetricsService metrics, MetricsQueries queries, CentreStatusService status,
            CentreDirectory directory, CentresConfig config, Clock clock) {
        this.metrics = metrics;
        this.queries = queries;
        this.status = status;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    /** Whether {@code scope} is something a wall can show: {@code *} or an active centre. */
    public boolean knows(String scope) {
        return MetricsWriter.ALL.equals(scope) || directory.get(scope) != null;
    }

    /** The scopes screens may watch: {@code *} and every active centre. */
    public List<String> scopes() {
        List<String> all = new ArrayList<>();
        all.add(MetricsWriter.ALL);
        directory.active().forEach(c -> all.add(c.id()));
        return all;
    }

    /**
     * The snapshot of {@code scope} now. Its last hour is the last sixty minute buckets, the running one included, so a
     * mention counts on the wall as soon as it is stored, not when its minute is over.
     */
    public Uni<WallSnapshot> snapshot(String scope) {
        Instant now = clock.instant();
        boolean global = MetricsWriter.ALL.equals(scope);
        String centre = global ? null : scope;
        int hours = config.wall().hours();
        int step = hours > 2 ? 5 : 1;
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant start = end.minus(Duration.ofHours(hours));
        List<String> centres = global ? directory.active().stream().map(CentreConfig::id).toList() : List.of(scope);
        Uni<List<SlaRow>> sla = Multi.createFrom().iterable(centres).onItem()
                .transformToUniAndConcatenate(id -> queries.responses(id, now.minus(Duration.ofHours(24)), now)
                        .map(r -> new SlaRow(id, round(r.p50()), round(r.p90()), r.responded(),
                                r.withSla() == 0 ? null : Figures.round((double) r.metSla() / r.withSla()))))
                .collect().asList();
        Uni<List<Point>> byNetwork = queries.series(scope, start, end, "minute", "network");
        Uni<List<Point>> byCentre = global ? queries.series(scope, start, end, "minute", "centre") : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(metrics.figures(scope, end.minus(Duration.ofHours(1)), end), status.computeAll(),
                metrics.backlog(centre), sla, byNetwork, byCentre, queries.incidents(centre, true, config.metrics().top()))
                .with(list -> {
                    @SuppressWarnings("unchecked")
                    List<CentreStatus> statuses = ((List<CentreStatus>) list.get(1)).stream()
                            .filter(s -> global || s.centre().equals(scope)).toList();
                    @SuppressWarnings("unchecked")
                    List<Point> networks = (List<Point>) list.get(4);
                    @SuppressWarnings("unchecked")
                    List<Point> perCentre = (List<Point>) list.get(5);
                    @SuppressWarnings("unchecked")
                    var snapshot = new WallSnapshot(scope, now, (Figures) list.get(0), statuses,
                            (List<MetricsQueries.Backlog>) list.get(2), (List<SlaRow>) list.get(3),
                            curves(start, end, step, networks, perCentre),
                            (List<io.vigie.centres.domain.Incident>) list.get(6));
                    return snapshot;
                });
    }

    /** Folds minute points into steps, zero-filled, keyed by network and by {@code centre:<id>}. */
    static Curves curves(Instant start, Instant end, int step, List<Point> networks, List<Point> centres) {
        int n = (int) (Duration.between(start, end).toMinutes() / step);
        List<Instant> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buckets.add(start.plus(Duration.ofMinutes((long) i * step)));
        }
        Map<String, List<Long>> volume = new TreeMap<>();
        long[] mentions = new long[n];
        long[] balance = new long[n];
        for (Point p : networks) {
            int i = (int) (Duration.between(start, p.bucket()).toMinutes() / step);
            if (i < 0 || i >= n) {
                continue;
            }
            volume.computeIfAbsent(p.key(), k -> new ArrayList<>(Collections.nCopies(n, 0L)))
                    .set(i, volume.get(p.key()).get(i) + p.mentions());
            mentions[i] += p.mentions();
            balance[i] += p.positive() - p.negative();
        }
        for (Point p : centres) {
            int i = (int) (Duration.between(start, p.bucket()).toMinutes() / step);
            if (i < 0 || i >= n) {
                continue;
            }
            String key = "centre:" + p.key();
            volume.computeIfAbsent(key, k -> new ArrayList<>(Collections.nCopies(n, 0L)))
                    .set(i, volume.get(key).get(i) + p.mentions());
        }
        List<Double> temperature = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            temperature.add(mentions[i] == 0 ? null : Figures.round((double) balance[i] / mentions[i]));
        }
        return new Curves(step, buckets, volume, temperature);
    }

    private static Double round(Double d) {
        return d == null ? null : Figures.round(d);
    }
}
