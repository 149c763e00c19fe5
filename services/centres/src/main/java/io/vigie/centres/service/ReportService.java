package io.vigie.centres.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vigie.centres.domain.Figures;
import io.vigie.centres.domain.Report;
import io.vigie.centres.repository.MetricsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reports over a period: the figures and their series as JSON, the per-bucket breakdown as CSV. */
@ApplicationScoped
public class ReportService {

    private final MetricsService metrics;
    private final MetricsQueries queries;

    public ReportService(MetricsService metrics, MetricsQueries queries) {
        this.metrics = metrics;
        this.queries = queries;
    }

    /** The figures of {@code scope} over [from, to) and the per-bucket totals. */
    public Uni<Report> report(String scope, Instant from, Instant to) {
        return Uni.combine().all().unis(metrics.figures(scope, from, to), metrics.series(scope, from, to, null))
                .asTuple().map(t -> new Report(t.getItem1(), MetricsQueries.granularity(from, to), t.getItem2()));
    }

    /** The most asked question clusters over [from, to), hours rounded outwards, with their trend. */
    public Uni<java.util.List<MetricsQueries.QuestionCluster>> questions(Instant from, Instant to) {
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to : to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return queries.questions(from.truncatedTo(ChronoUnit.HOURS), end, 20);
    }

    /** CSV: one line per bucket, network, language and topic, with volume and temperature. */
    public Uni<String> csv(String scope, Instant from, Instant to) {
        String granularity = MetricsQueries.granularity(from, to);
        ChronoUnit unit = "minute".equals(granularity) ? ChronoUnit.MINUTES : ChronoUnit.HOURS;
        return queries.rows(scope, from.truncatedTo(unit), to.truncatedTo(unit), granularity).map(rows -> {
            StringBuilder out = new StringBuilder(
                    "bucket,granularity,scope,network,language,topic,mentions,positive,negative,temperature,mean_score\n");
            for (Row r : rows) {
                long m = r.getLong("m");
                long p = r.getLong("p");
                long n = r.getLong("n");
                out.append(r.getOffsetDateTime("bucket").toInstant()).append(',').append(granularity).append(',')
                        .append(cell(scope)).append(',').append(cell(r.getString("network"))).append(',')
                        .append(cell(r.getString("language"))).append(',').append(cell(r.getString("topic"))).append(',')
                        .append(m).append(',').append(p).append(',').append(n).append(',')
                        .append(Figures.temperature(m, p, n)).append(',')
                        .append(Figures.round(r.getDouble("s") / m)).append('\n');
            }
            return out.toString();
        });
    }

    /** A CSV cell, quoted when needed; a leading formula character is neutralised. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v.matches("^[=+@-].*") ? "'" + v : v;
        return s.matches(".*[\",\n\r].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
