package io.vigie.centres.service;

import io.smallrye.mutiny.Uni;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.domain.Figures;
import io.vigie.centres.domain.Figures.Share;
import io.vigie.centres.domain.Figures.Slice;
import io.vigie.centres.repository.MetricsQueries;
import io.vigie.centres.repository.MetricsQueries.Backlog;
import io.vigie.centres.repository.MetricsWriter;
import io.vigie.events.DeliveryReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The figures of a scope over a period, computed from the buckets and fact tables the event streams fill. */
@ApplicationScoped
public class MetricsService {

    private final MetricsQueries queries;
    private final CentresConfig config;

    public MetricsService(MetricsQueries queries, CentresConfig config) {
        this.queries = queries;
        this.config = config;
    }

    /** The scope's figures over [from, to); {@code scope} is a centre id or {@code *}. */
    public Uni<Figures> figures(String scope, Instant from, Instant to) {
        Instant f = align(from, from, to);
        Instant t = align(to, from, to);
        String centre = MetricsWriter.ALL.equals(scope) ? null : scope;
        List<String> dimensions = centre == null ? List.of("network", "language", "topic", "centre", "product_line")
                : List.of("network", "language", "topic", "product_line");
        return Uni.combine().all().unis(queries.breakdowns(scope, f, t, dimensions),
                queries.responses(centre, f, t), queries.backlog(centre), queries.replies(centre, f, t),
                queries.activeIncidents(centre),
                queries.risingTerms(f, t, config.metrics().risingMinCount(), config.metrics().top()),
                queries.closures(centre, f, t))
                .with(list -> {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, List<Slice>> breakdowns = (java.util.Map<String, List<Slice>>) list.get(0);
                    List<Slice> networks = breakdowns.get("network");
                    List<Slice> languages = breakdowns.get("language");
                    List<Slice> topics = breakdowns.get("topic");
                    List<Slice> centres = breakdowns.getOrDefault("centre", List.of());
                    List<Slice> products = breakdowns.get("product_line");
                    MetricsQueries.Responses responses = (MetricsQueries.Responses) list.get(1);
                    @SuppressWarnings("unchecked")
                    List<Backlog> backlog = (List<Backlog>) list.get(2);
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Long> replies = (java.util.Map<String, Long>) list.get(3);
                    long incidents = (Long) list.get(4);
                    @SuppressWarnings("unchecked")
                    List<Figures.RisingTerm> rising = (List<Figures.RisingTerm>) list.get(5);
                    MetricsQueries.Closures closures = (MetricsQueries.Closures) list.get(6);
                    long mentions = networks.stream().mapToLong(Slice::mentions).sum();
                    long positive = networks.stream().mapToLong(Slice::positive).sum();
                    long negative = networks.stream().mapToLong(Slice::negative).sum();
                    double scoreSum = networks.stream().mapToDouble(s -> s.meanScore() == null ? 0 : s.meanScore() * s.mentions()).sum();
                    Slice total = Slice.of("", mentions, positive, negative, scoreSum);
                    return new Figures(scope, f, t, mentions, positive, negative, total.temperature(), total.meanScore(),
                            round(responses.p50()), round(responses.p90()), responses.responded(),
                            responses.withSla() == 0 ? null : Figures.round((double) responses.metSla() / responses.withSla()),
                            backlog.stream().mapToLong(Backlog::waiting).sum(),
                            replies.getOrDefault(DeliveryReceipt.DELIVERED, 0L), replies.getOrDefault(DeliveryReceipt.FAILED, 0L),
                            incidents, closures.closed(), round(closures.p50()), round(closures.p90()),
                            round(closures.meanDelta()), round(closures.restatedShare()), networks, languages, topics, centres, shares(products), rising);
                });
    }

    /** Per-bucket points of a scope, optionally by dimension. */
    public Uni<List<MetricsQueries.Point>> series(String scope, Instant from, Instant to, String dimension) {
        String granularity = MetricsQueries.granularity(from, to);
        return queries.series(scope, align(from, from, to), align(to, from, to), granularity, dimension);
    }

    /** Waiting conversations per centre and queue. */
    public Uni<List<Backlog>> backlog(String centre) {
        return queries.backlog(centre);
    }

    private static List<Share> shares(List<Slice> products) {
        long named = products.stream().filter(s -> !s.key().isEmpty()).mapToLong(Slice::mentions).sum();
        return products.stream().filter(s -> !s.key().isEmpty())
                .map(s -> new Share(s.key(), s.mentions(), Figures.round((double) s.mentions() / named))).toList();
    }

    private static Instant align(Instant at, Instant from, Instant to) {
        return at.truncatedTo("minute".equals(MetricsQueries.granularity(from, to)) ? ChronoUnit.MINUTES : ChronoUnit.HOURS);
    }

    private static Double round(Double d) {
        return d == null ? null : Figures.round(d);
    }
}
