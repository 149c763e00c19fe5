package io.vigie.centres.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.domain.Figures;
import io.vigie.centres.domain.Report;
import io.vigie.centres.repository.MetricsQueries;
import io.vigie.centres.repository.QuestionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Reports over a period: the figures and their series as JSON, the per-bucket breakdown as CSV. */
@ApplicationScoped
public class ReportService {

    private static final Pattern FORMULA = Pattern.compile("[=+@-]");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\n\r]");

    private final MetricsService metrics;
    private final MetricsQueries queries;
    private final QuestionQueries questions;
    private final CentresConfig config;

    public ReportService(MetricsService metrics, MetricsQueries queries, QuestionQueries questions, CentresConfig config) {
        this.metrics = metrics;
        this.queries = queries;
        this.questions = questions;
        this.config = config;
    }

    /** The figures of {@code scope} over [from, to) and the per-bucket totals. */
    public Uni<Report> report(String scope, Instant from, Instant to) {
        return Uni.combine().all().unis(metrics.figures(scope, from, to), metrics.series(scope, from, to, null))
                .asTuple().map(t -> new Report(t.getItem1(), MetricsQueries.granularity(from, to), t.getItem2()));
    }

    /** The 20 most asked question clusters over [from, to), hours rounded outwards, with their trend (ADR 0123). */
    public Uni<QuestionQueries.Questions> questions(Instant from, Instant to) {
        Instant end = to.truncatedTo(ChronoUnit.HOURS).equals(to) ? to : to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return questions.questions(from.truncatedTo(ChronoUnit.HOURS), end, 20);
    }

    /** First line of the CSV export. */
    public static final String CSV_HEADER =
            "bucket,granularity,scope,network,language,topic,mentions,positive,negative,temperature,mean_score\n";

    /**
     * CSV: one line per bucket, network, language and topic, with volume and temperature, as chunks of up to the
     * configured fetch size of lines (the header first), read from a database cursor as the client takes them.
     */
    public Multi<String> csv(String scope, Instant from, Instant to) {
        String granularity = MetricsQueries.granularity(from, to);
        ChronoUnit unit = "minute".equals(granularity) ? ChronoUnit.MINUTES : ChronoUnit.HOURS;
        int fetch = config.reports().csvFetchSize();
        String scopeCell = cell(scope);
        Multi<String> body = queries.rows(scope, from.truncatedTo(unit), to.truncatedTo(unit), granularity, fetch)
                .group().intoLists().of(fetch).map(rows -> {
                    StringBuilder out = new StringBuilder(rows.size() * 96);
                    for (Row r : rows) {
                        line(out, r, granularity, scopeCell);
                    }
                    return out.toString();
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(CSV_HEADER), body);
    }

    private static void line(StringBuilder out, Row r, String granularity, String scopeCell) {
        long m = r.getLong("m");
        long p = r.getLong("p");
        long n = r.getLong("n");
        out.append(r.getOffsetDateTime("bucket").toInstant()).append(',').append(granularity).append(',')
                .append(scopeCell).append(',').append(cell(r.getString("network"))).append(',')
                .append(cell(r.getString("language"))).append(',').append(cell(r.getString("topic"))).append(',')
                .append(m).append(',').append(p).append(',').append(n).append(',')
                .append(Figures.temperature(m, p, n)).append(',')
                .append(Figures.round(r.getDouble("s") / m)).append('\n');
    }

    /** A CSV cell, quoted when needed; a leading formula character is neutralised. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = FORMULA.matcher(v).lookingAt() ? "'" + v : v;
        return NEEDS_QUOTES.matcher(s).find() ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
