package io.vigie.centres.service;

import io.smallrye.mutiny.Uni;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.domain.Figures;
import io.vigie.centres.domain.SpaceHealth;
import io.vigie.centres.repository.MetricsQueries;
import io.vigie.centres.repository.MetricsQueries.SpaceRow;
import io.vigie.centres.repository.MetricsWriter;
import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The map of the brand's spaces: owner, volume, temperature, unanswered share and response time, with warnings. */
@ApplicationScoped
public class SpaceService {

    private final MetricsQueries queries;
    private final CentreDirectory directory;
    private final CentresConfig config;

    public SpaceService(MetricsQueries queries, CentreDirectory directory, CentresConfig config) {
        this.queries = queries;
        this.directory = directory;
        this.config = config;
    }

    /** The spaces of {@code scope} ({@code *} = all, else the spaces its centre owns) over [from, to). */
    public Uni<List<SpaceHealth>> map(String scope, Instant from, Instant to) {
        ChronoUnit unit = "minute".equals(MetricsQueries.granularity(from, to)) ? ChronoUnit.MINUTES : ChronoUnit.HOURS;
        Map<String, String> owners = new HashMap<>();
        for (CentreConfig c : directory.active()) {
            c.spaces().forEach(s -> owners.putIfAbsent(s, c.id()));
        }
        return queries.spaces(from.truncatedTo(unit), to.truncatedTo(unit)).map(rows -> {
            Map<String, Long> perNetwork = rows.stream()
                    .collect(Collectors.groupingBy(r -> r.network() == null ? "" : r.network(), Collectors.counting()));
            return rows.stream().map(r -> health(r, owners.get(r.space()), perNetwork))
                    .filter(h -> MetricsWriter.ALL.equals(scope) || scope.equals(h.ownerCentre())).toList();
        });
    }

    private SpaceHealth health(SpaceRow r, String owner, Map<String, Long> perNetwork) {
        Double unanswered = r.conversations() == 0 ? null : Figures.round((double) r.unanswered() / r.conversations());
        boolean neglected = owner == null || unanswered != null && unanswered >= 0.5;
        boolean crowded = perNetwork.getOrDefault(r.network() == null ? "" : r.network(), 0L) > config.spaces().maxPerNetwork();
        return new SpaceHealth(r.space(), r.network(), owner, r.mentions(), Figures.temperature(r.mentions(), r.positive(), r.negative()),
                r.mentions() == 0 ? null : Figures.round(r.scoreSum() / r.mentions()), r.conversations(), unanswered,
                r.firstResponseP50() == null ? null : Figures.round(r.firstResponseP50()), neglected, crowded);
    }
}
