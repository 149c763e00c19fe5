package io.vigie.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall and reports: the centres service's report queries (JSON and CSV) timed over a stored state of many millions
 * of mentions, loaded once in bulk into the database {@code centres_reports} (kept between runs).
 */
public final class ReportsBench {

    /** Database of this phase (not cleaned at start: loading 10 million mentions takes minutes). */
    public static final String DATABASE = "centres_reports";
    /** End of the stored period (fixed, so that every run reads the same data). */
    public static final Instant END = Instant.parse("2026-11-23T00:00:00Z");
    /**
     * End of the periods of a screen asking at a moment of the day ("the last 24 hours" at 16:37): partial days, hours
     * and minutes at their edges, where the periods ending at {@link #END} hold whole days only.
     */
    public static final Instant MID_DAY = Instant.parse("2026-11-22T16:37:00Z");

    private final BenchEnv env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** On the given infrastructure. */
    public ReportsBench(BenchEnv env) {
        this.env = env;
    }

    /** Latencies of one endpoint and period. */
    public record Timing(String endpoint, String scope, String period, Stats ms, String error) {
    }

    /** Figures of the phase. */
    public record Result(long mentions, int days, double loadSeconds, boolean reused, List<Timing> timings, Stats all) {
    }

    /** The SQL of the dataset for {@code mentions} over {@code days} ending at {@link #END}, as statements. */
    static List<String> datasetStatements(long mentions, int days) throws IOException {
        if (mentions < 10_000 || days < 1) {
            throw new IllegalArgumentException("at least 10,000 mentions over at least one day, got " + mentions
                    + " over " + days);
        }
        String sql;
        try (InputStream in = ReportsBench.class.getResourceAsStream("reports-dataset.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        sql = sql.replace(":'end'", "'" + END + "'").replaceAll(":mentions\\b", Long.toString(mentions))
                .replaceAll(":days\\b", Integer.toString(days));
        List<String> out = new ArrayList<>();
        for (String s : sql.split("\n;\n")) {
            String body = s.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
            if (!body.isEmpty()) {
                out.add(body);
            }
        }
        return out;
    }

    /** Loads the dataset unless the database already holds this one; returns the seconds it took (0 if kept). */
    public double ensureDataset(long mentions, int days) throws SQLException, IOException {
        try (Connection c = env.database(DATABASE); Statement st = c.createStatement()) {
            st.execute("create table if not exists bench_dataset (mentions bigint not null, days int not null, "
                    + "loaded_at timestamptz not null)");
            ResultSet rs = st.executeQuery("select mentions, days from bench_dataset");
            if (rs.next() && rs.getLong(1) == mentions && rs.getInt(2) == days) {
                return 0;
            }
            long t0 = System.nanoTime();
            st.execute("truncate bench_dataset");
            for (String sql : datasetStatements(mentions, days)) {
                System.err.printf("bench: reports dataset: %s%n", sql.lines().findFirst().orElse(""));
                st.execute(sql);
            }
            st.execute("insert into bench_dataset values (" + mentions + ", " + days + ", now())");
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** Row counts of the tables the reports read. */
    public Map<String, Long> tableRows() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = env.database(DATABASE); Statement st = c.createStatement()) {
            for (String t : List.of("mention_seen", "volume_bucket", "volume_rollup", "term_bucket", "term_day", "term_span",
                    "term_hour_span", "space_bucket", "question_bucket", "question_day", "conversation_fact", "reply_fact")) {
                ResultSet rs = st.executeQuery("select reltuples::bigint from pg_class where relname = '" + t + "'");
                out.put(t, rs.next() ? rs.getLong(1) : -1);
            }
        }
        return out;
    }

    /**
     * Rounds of untimed calls of every JSON report, map of spaces and recurring questions case before any is timed: a
     * service just started runs its request path interpreted, then compiled by the JIT as calls come in (the first
     * round over the JSON report's cases had a p95 of 119 ms where the third's was 38 ms, 2026-12-06). The figures are
     * those of a service that has been serving for a while, as in production; the CSV export, whose calls take seconds
     * over long periods, is only warmed by its own untimed calls.
     */
    static final int WARMUP_ROUNDS = 20;

    /**
     * Times every report endpoint, scope and period {@code repeats} times after {@link #WARMUP_ROUNDS} rounds and
     * {@code warmups} untimed calls of each case: periods ending at {@link #END}, and for all but the CSV export also
     * ending at {@link #MID_DAY} (endpoints labelled {@code <path>@<end>}).
     */
    public List<Timing> time(String centresUrl, int warmups, int repeats) throws IOException, InterruptedException {
        String token = env.clientToken();
        Map<String, Duration> periods = new LinkedHashMap<>();
        periods.put("1 h", Duration.ofHours(1));
        periods.put("24 h", Duration.ofHours(24));
        periods.put("7 d", Duration.ofDays(7));
        periods.put("30 d", Duration.ofDays(30));
        periods.put("90 d", Duration.ofDays(90));
        // The endpoint's label in the results: its path, and the end of its periods when not END.
        record Endpoint(String path, Instant end, String label) {
        }
        // warm: in the warm-up rounds (all but the CSV export, which takes seconds a call over long periods and is
        // warmed by its own untimed calls only).
        record Case(String endpoint, String scope, String period, String url, boolean warm) {
        }
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : List.of(new Endpoint("/api/reports", END, "/api/reports"),
                new Endpoint("/api/reports/csv", END, "/api/reports/csv"),
                new Endpoint("/api/reports", MID_DAY, "/api/reports@" + MID_DAY),
                new Endpoint("/api/reports/spaces", END, "/api/reports/spaces"),
                new Endpoint("/api/reports/spaces", MID_DAY, "/api/reports/spaces@" + MID_DAY),
                new Endpoint("/api/reports/questions", END, "/api/reports/questions"),
                new Endpoint("/api/reports/questions", MID_DAY, "/api/reports/questions@" + MID_DAY))) {
            // The questions do not depend on the scope (it is only checked): one scope.
            for (String scope : e.path().endsWith("/questions") ? List.of("*") : List.of("*", "montpellier")) {
                for (var p : periods.entrySet()) {
                    cases.add(new Case(e.label(), scope, p.getKey(), centresUrl + e.path() + "?scope="
                            + (scope.equals("*") ? "%2A" : scope) + "&from=" + e.end().minus(p.getValue()) + "&to="
                            + e.end(), !e.path().equals("/api/reports/csv")));
                }
            }
        }
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (Case c : cases) {
                if (c.warm()) {
                    call(c.url(), token);
                }
            }
        }
        List<Timing> out = new ArrayList<>();
        for (Case c : cases) {
            double[] ms = new double[repeats];
            String error = null;
            for (int i = 0; i < warmups + repeats && error == null; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> res = call(c.url(), token);
                double took = (System.nanoTime() - t0) / 1e6;
                if (res.statusCode() != 200) {
                    // Reported with the figures, not hidden: the other queries are still timed.
                    error = "HTTP " + res.statusCode() + " " + res.body().substring(0, Math.min(200, res.body().length()));
                    System.err.println("bench: " + c.url() + " answered " + error);
                }
                if (i >= warmups) {
                    ms[i - warmups] = took;
                }
            }
            out.add(new Timing(c.endpoint(), c.scope(), c.period(), error == null ? new Stats(ms) : new Stats(new double[0]),
                    error));
        }
        return out;
    }

    private HttpResponse<String> call(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
