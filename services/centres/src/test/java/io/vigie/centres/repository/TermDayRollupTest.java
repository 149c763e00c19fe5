package io.vigie.centres.repository;

import static io.vigie.centres.repository.TestDatabase.query;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.centres.domain.Figures.RisingTerm;
import io.vigie.centres.domain.Terms;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.testsupport.InfraTestResource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-day term rollup (ADR 0101, migration V9) holds the sums of term_bucket's hour rows of each UTC day, the
 * term spans (ADR 0121, V14, V21) those of their days and the hour spans (V18) those of their hours, whichever way they were written; rising terms and volume
 * breakdowns read through a period's tiling give what the finest buckets alone give.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TermDayRollupTest {

    /** A window no other test writes to: the previous period and the current one, each across a midnight. */
    private static final Instant FROM = Instant.parse("2026-07-10T05:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-13T07:00:00Z");

    private static final List<String> TEXTS = List.of("How do I update the antivirus on my Forge?",
            "Battery drains overnight on the Aero", "battery swollen after a year, is that normal?",
            "Loving the new keyboard", "Where is my order?", "the antivirus update crashes everything",
            "Which charger do I need for the Vega?", "keyboard backlight flickers", "refund for my order please");

    @Inject
    MetricsWriter writer;

    @Inject
    MetricsQueries queries;

    @Inject
    TermSpanSeal termSpans;

    @Test
    void wholeDaysOfAPeriod() {
        Instant d = Instant.parse("2026-07-10T00:00:00Z");
        Instant h = d.plus(Duration.ofHours(1));
        assertArrayEquals(new Instant[] { d.plus(Duration.ofDays(1)), d.plus(Duration.ofDays(3)) },
                Tiling.wholeUnits(FROM, TO, ChronoUnit.DAYS));
        assertArrayEquals(new Instant[] { d, d.plus(Duration.ofDays(2)) },
                Tiling.wholeUnits(d, d.plus(Duration.ofDays(2)), ChronoUnit.DAYS));
        // No whole day: both bounds at a point of the period, so its hours cover it all.
        assertArrayEquals(new Instant[] { d.plus(Duration.ofDays(1)), d.plus(Duration.ofDays(1)) },
                Tiling.wholeUnits(h, d.plus(Duration.ofHours(30)), ChronoUnit.DAYS));
        assertArrayEquals(new Instant[] { d.plus(Duration.ofHours(5)), d.plus(Duration.ofHours(5)) },
                Tiling.wholeUnits(h, d.plus(Duration.ofHours(5)), ChronoUnit.DAYS));
        Instant m = d.plus(Duration.ofMinutes(90));
        assertArrayEquals(new Instant[] { d.plus(Duration.ofHours(2)), d.plus(Duration.ofHours(20)) },
                Tiling.wholeUnits(m, d.plus(Duration.ofMinutes(20 * 60 + 7)), ChronoUnit.HOURS));
    }

    @Test
    void theDayRollupHoldsTheHourBucketsSumsAndRisingTermsAreUnchanged() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Instant before = FROM.minus(Duration.between(FROM, TO));
        // Mentions at the edges (partial days) and inside whole days, of the current and the previous period.
        List<Instant> starts = List.of(before.plus(Duration.ofMinutes(30)), Instant.parse("2026-07-07T23:10:00Z"),
                Instant.parse("2026-07-09T22:40:00Z"), FROM.plus(Duration.ofMinutes(10)),
                Instant.parse("2026-07-11T23:20:00Z"), Instant.parse("2026-07-13T06:00:00Z"),
                Instant.parse("2026-07-12T10:05:00Z"));
        List<ScoredMention> all = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            all.addAll(mentions(run + "-" + s, starts.get(s), 60 + 40 * s, s));
        }
        // Half one by one (single-row upserts), half in batches (multi-row upserts): both fire the trigger.
        int half = all.size() / 2;
        for (ScoredMention m : all.subList(0, half)) {
            writer.scored(m, Terms.of(m.mention().text())).await().indefinitely();
        }
        for (int i = half; i < all.size(); i += 70) {
            writer.scoredBatch(all.subList(i, Math.min(all.size(), i + 70))).await().indefinitely();
        }
        // Two mentions in three routed to a centre: the centres' own volume rows (in a state no backlog counts, as
        // other tests count the centres' backlogs).
        for (int i = 0; i < all.size(); i++) {
            ScoredMention m = all.get(i);
            if (i % 3 != 0) {
                writer.routed(new RoutingDecision(RoutingDecision.VERSION, m.mention().conversationKey(), "waiting_customer",
                        i % 3 == 1 ? "austin" : "bratislava", "general", 50, true, List.of(),
                        m.mention().createdAt().plusSeconds(3600), m, m.mention().createdAt())).await().indefinitely();
            }
        }

        Instant firstDay = Instant.parse("2026-07-06T00:00:00Z");
        Instant lastDay = Instant.parse("2026-07-14T00:00:00Z");
        List<String> fromHours = query("select date_trunc('day', bucket, 'UTC'), term, sum(mentions) from term_bucket "
                + "where granularity = 'hour' and bucket >= ? and bucket < ? group by 1, 2 order by 1, 2", firstDay, lastDay);
        List<String> fromDays = query("select day, term, mentions from term_day where day >= ? and day < ? order by 1, 2",
                firstDay, lastDay);
        assertTrue(fromHours.size() > 20, "rows " + fromHours.size());
        assertEquals(fromHours, fromDays);

        assertSameAsRaw(FROM, TO, "hour", true);
        // A period under a day, read from minute buckets: whole hours from the hour buckets, minutes at its edges.
        assertSameAsRaw(Instant.parse("2026-07-12T02:13:00Z"), Instant.parse("2026-07-13T01:47:00Z"), "minute", true);
        // Six whole days: two single days, then the 4-day span starting 2026-07-10 (V14, ADR 0121).
        assertSameAsRaw(Instant.parse("2026-07-08T00:00:00Z"), Instant.parse("2026-07-14T00:00:00Z"), "hour", true);
        // 82 days: spans of 64 to 2 days around the test's week, hours at the edges.
        assertSameAsRaw(Instant.parse("2026-05-20T03:00:00Z"), Instant.parse("2026-08-10T05:00:00Z"), "hour", false);
        // A period under two days read through its minutes, hours and one whole day.
        assertSameAsRaw(Instant.parse("2026-07-10T22:13:00Z"), Instant.parse("2026-07-12T01:47:00Z"), "minute", true);

        // The spans hold the sums of their days.
        List<String> spans = query("select days, start, term, mentions from term_span where start >= ? and start < ? "
                + "and mentions <> 0 order by 1, 2, 3", Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"));
        List<String> fromDaySums = query("select k, term_span_start(day, k), term, sum(mentions) from term_day "
                + "cross join unnest(array[2, 4, 8, 16, 32, 64]) k where term_span_start(day, k) >= ? and term_span_start(day, k) < ? "
                + "group by 1, 2, 3 having sum(mentions) <> 0 order by 1, 2, 3",
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"));
        assertTrue(spans.stream().anyMatch(r -> r.startsWith("64|")), spans.toString());
        assertTrue(spans.stream().anyMatch(r -> r.startsWith("32|")), spans.toString());
        assertEquals(fromDaySums, spans);
        // The hour spans hold the sums of their hours (V18).
        List<String> hourSpans = query("select hours, start, term, mentions from term_hour_span where start >= ? and start < ? "
                + "and mentions <> 0 order by 1, 2, 3", firstDay, lastDay);
        List<String> fromHourSums = query("select k, term_hour_span_start(bucket, k), term, sum(mentions) from term_bucket "
                + "cross join unnest(array[4, 12]) k where granularity = 'hour' and bucket >= ? and bucket < ? "
                + "group by 1, 2, 3 having sum(mentions) <> 0 order by 1, 2, 3", firstDay, lastDay);
        assertTrue(hourSpans.stream().anyMatch(r -> r.startsWith("12|")), hourSpans.toString());
        assertEquals(fromHourSums, hourSpans);

        // Volume breakdowns read through the same tiling give the volume buckets' sums (every centre, one centre, by centre).
        for (String[] period : new String[][] { { "2026-07-10T05:00:00Z", "2026-07-13T07:00:00Z", "hour" },
                { "2026-05-20T03:00:00Z", "2026-08-10T05:00:00Z", "hour" },
                { "2026-07-10T22:13:00Z", "2026-07-12T01:47:00Z", "minute" } }) {
            Instant from = Instant.parse(period[0]);
            Instant to = Instant.parse(period[1]);
            for (String[] scope : new String[][] { { "*", "topic" }, { "*", "network" }, { "*", "centre" }, { "austin", "language" } }) {
                String column = scope[1];
                String where = "centre".equals(column) ? "centre <> '*'" : "centre = '" + scope[0] + "'";
                List<String> raw = query("select " + column + ", sum(mentions), sum(positive), sum(negative) from volume_bucket "
                        + "where granularity = '" + period[2] + "' and bucket >= ? and bucket < ? and " + where
                        + " group by 1 order by 2 desc, 1", from, to);
                List<String> got = queries.breakdown(scope[0], from, to, column).await().indefinitely().stream()
                        .map(x -> x.key() + "|" + x.mentions() + "|" + x.positive() + "|" + x.negative() + "|").toList();
                assertEquals(raw, got, String.join(" ", period) + " " + String.join(" ", scope));
            }
            // The report's five breakdowns read in one query are the same as one by one.
            List<String> dims = List.of("network", "language", "topic", "centre", "product_line");
            for (String scope : new String[] { "*", "austin" }) {
                var together = queries.breakdowns(scope, from, to, dims).await().indefinitely();
                assertEquals(dims, List.copyOf(together.keySet()));
                for (String d : dims) {
                    assertEquals(queries.breakdown(scope, from, to, d).await().indefinitely(), together.get(d), scope + " " + d);
                }
                assertFalse(together.get("centre").isEmpty(), scope);
            }
        }
    }

    /**
     * The spans of days not yet sealed are not written (ADR 0133): rising terms read those days one by one and still
     * equal the raw buckets; sealing adds them to every span that holds them, and a late mention of a sealed day goes
     * to its spans at once.
     */
    @Test
    void theSpansOfADayAreWrittenWhenItIsSealedAndReportsAgreeBeforeAndAfter() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String tag = "#seal" + run;
        // Two days after the end of the sealed days: not sealed yet, whatever other tests wrote.
        Instant sealed = termSpans.seal(Instant.EPOCH).await().indefinitely();
        Instant day = sealed.plus(Duration.ofDays(2));
        // its hours sealed, so that its term days are written at once (ADR 0138)
        termSpans.sealHours(day.plus(Duration.ofDays(1))).await().indefinitely();
        List<ScoredMention> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(tagged(run + "-" + i, day.plus(Duration.ofMinutes(37L * i)), tag));
        }
        writer.scoredBatch(batch).await().indefinitely();
        String spans = "select days, mentions from term_span where term = ? order by days";
        assertEquals(List.of(), query(spans, tag));
        assertEquals(List.of("30|"), query("select mentions from term_day where term = ?", tag));
        assertSameAsRaw(day, day.plus(Duration.ofDays(4)), "hour", false);

        Instant after = termSpans.seal(day.plus(Duration.ofDays(1))).await().indefinitely();
        assertEquals(day.plus(Duration.ofDays(1)), after);
        assertEquals(List.of("2|30|", "4|30|", "8|30|", "16|30|", "32|30|", "64|30|"), query(spans, tag));
        assertSameAsRaw(day, day.plus(Duration.ofDays(4)), "hour", false);

        // Late: the sealed day's spans take it at once.
        writer.scoredBatch(List.of(tagged(run + "-late", day.plus(Duration.ofHours(23)), tag))).await().indefinitely();
        assertEquals(List.of("2|31|", "4|31|", "8|31|", "16|31|", "32|31|", "64|31|"), query(spans, tag));
        // Sealing up to a day already sealed changes nothing.
        assertEquals(after, termSpans.seal(day).await().indefinitely());
        assertEquals(List.of("2|31|", "4|31|", "8|31|", "16|31|", "32|31|", "64|31|"), query(spans, tag));
    }

    /**
     * Writers and the sealer exclude each other (ADR 0133, V25's advisory lock): a writer's transaction that has read
     * {@code sealed_until} and not committed holds back a seal of its day, so its counts reach the spans exactly once,
     * by the sealer, after it commits. Without the lock the seal would read term_day without them and move
     * {@code sealed_until} past their day: they would never reach the spans.
     */
    @Test
    void aSealWaitsForTheWriterInFlightSoItsCountsReachTheSpansOnce() throws Exception {
        String tag = "#inflight" + Long.toString(System.nanoTime(), 36);
        Instant day = termSpans.seal(Instant.EPOCH).await().indefinitely(); // the first day not sealed
        termSpans.sealHours(day.plus(Duration.ofDays(1))).await().indefinitely(); // its hours are (ADR 0138)
        java.util.concurrent.CompletableFuture<Instant> seal;
        try (java.sql.Connection writer = TestDatabase.connect()) {
            writer.setAutoCommit(false);
            try (var st = writer.prepareStatement(
                    "insert into term_bucket (granularity, bucket, term, mentions) values (?, ?, ?, 7)")) {
                for (String granularity : List.of("minute", "hour")) {
                    st.setString(1, granularity);
                    st.setObject(2, java.time.OffsetDateTime.ofInstant(day.plus(Duration.ofHours(3)), java.time.ZoneOffset.UTC));
                    st.setString(3, tag);
                    st.executeUpdate(); // its triggers read sealed_until: the day is not sealed, no span yet
                }
            }
            seal = termSpans.seal(day.plus(Duration.ofDays(1))).subscribeAsCompletionStage();
            Thread.sleep(1_000);
            assertFalse(seal.isDone(), "the seal waits for the writer's transaction");
            writer.commit();
        }
        assertEquals(day.plus(Duration.ofDays(1)), seal.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("7|"), query("select mentions from term_day where term = ?", tag));
        assertEquals(List.of("2|7|", "4|7|", "8|7|", "16|7|", "32|7|", "64|7|"),
                query("select days, mentions from term_span where term = ? order by days", tag));
    }

    /**
     * The term days and hour spans of hours not yet sealed are not written (ADR 0138): rising terms read those hours
     * from the hour buckets, whole days included, and still equal the raw buckets; sealing adds them to their day and
     * spans, and a late mention of a sealed hour goes to them at once.
     */
    @Test
    void theDayAndSpansOfAnHourAreWrittenWhenItIsSealedAndReportsAgreeBeforeAndAfter() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String tag = "#hours" + run;
        // Two hours after the end of the sealed hours: not sealed yet, whatever other tests wrote.
        Instant hour = termSpans.sealHours(Instant.EPOCH).await().indefinitely().plus(Duration.ofHours(2));
        List<ScoredMention> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(tagged(run + "-a" + i, hour.plus(Duration.ofMinutes(5L * i)), tag));
        }
        for (int i = 0; i < 5; i++) {
            batch.add(tagged(run + "-b" + i, hour.plus(Duration.ofMinutes(60 + 7L * i)), tag));
        }
        writer.scoredBatch(batch).await().indefinitely();
        String day = "select mentions from term_day where term = ?";
        String spans = "select hours, start, mentions from term_hour_span where term = ? order by 1, 2";
        assertEquals(List.of(), query(day, tag));
        assertEquals(List.of(), query(spans, tag));
        assertEquals(List.of("17|"), query("select sum(mentions) from term_bucket where granularity = 'hour' and term = ?", tag));
        // Whole days around the hour: those from its day on are read as hours.
        Instant midnight = hour.truncatedTo(ChronoUnit.DAYS);
        assertSameAsRaw(midnight.minus(Duration.ofDays(2)), midnight.plus(Duration.ofDays(2)), "hour", false);
        assertSameAsRaw(hour.minus(Duration.ofHours(30)), hour.plus(Duration.ofHours(26)), "hour", false);

        Instant after = termSpans.sealHours(hour.plus(Duration.ofHours(1))).await().indefinitely();
        assertEquals(hour.plus(Duration.ofHours(1)), after);
        assertEquals(List.of("12|"), query(day, tag));
        Instant start4 = Instant.ofEpochSecond(hour.getEpochSecond() / (4 * 3600) * 4 * 3600);
        assertTrue(query(spans, tag).contains("4|" + start4 + "|12|"), query(spans, tag).toString());
        assertSameAsRaw(midnight.minus(Duration.ofDays(2)), midnight.plus(Duration.ofDays(2)), "hour", false);

        termSpans.sealHours(hour.plus(Duration.ofHours(2))).await().indefinitely();
        assertEquals(List.of("17|"), query(day, tag));
        // Late: the sealed hour's day and spans take it at once.
        writer.scoredBatch(List.of(tagged(run + "-late", hour.plus(Duration.ofMinutes(59)), tag))).await().indefinitely();
        assertEquals(List.of("18|"), query(day, tag));
        // Sealing up to an hour already sealed changes nothing.
        assertEquals(hour.plus(Duration.ofHours(2)), termSpans.sealHours(hour).await().indefinitely());
        assertEquals(List.of("18|"), query(day, tag));
        // The spans hold the sums of their hours.
        assertEquals(query("select k, term_hour_span_start(bucket, k), sum(mentions) from term_bucket cross join unnest(array[4, 12]) k "
                + "where granularity = 'hour' and term = ? group by 1, 2 order by 1, 2", tag), query(spans, tag));
        assertSameAsRaw(hour.minus(Duration.ofHours(30)), hour.plus(Duration.ofHours(26)), "hour", false);
    }

    /**
     * Writers and the hour sealer exclude each other (V27's advisory lock, as V25's for days): a writer's transaction
     * that has read the end of the sealed hours and not committed holds back a seal of its hour, so its counts reach
     * the term day exactly once.
     */
    @Test
    void anHourSealWaitsForTheWriterInFlightSoItsCountsReachTheDayOnce() throws Exception {
        String tag = "#hourflight" + Long.toString(System.nanoTime(), 36);
        Instant hour = termSpans.sealHours(Instant.EPOCH).await().indefinitely(); // the first hour not sealed
        java.util.concurrent.CompletableFuture<Instant> seal;
        try (java.sql.Connection writer = TestDatabase.connect()) {
            writer.setAutoCommit(false);
            try (var st = writer.prepareStatement(
                    "insert into term_bucket (granularity, bucket, term, mentions) values ('hour', ?, ?, 7)")) {
                st.setObject(1, java.time.OffsetDateTime.ofInstant(hour, java.time.ZoneOffset.UTC));
                st.setString(2, tag);
                st.executeUpdate(); // its trigger reads the end of the sealed hours: not sealed, no day row yet
            }
            seal = termSpans.sealHours(hour.plus(Duration.ofHours(1))).subscribeAsCompletionStage();
            Thread.sleep(1_000);
            assertFalse(seal.isDone(), "the seal waits for the writer's transaction");
            writer.commit();
        }
        assertEquals(hour.plus(Duration.ofHours(1)), seal.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(List.of("7|"), query("select mentions from term_day where term = ?", tag));
        assertEquals(List.of("4|7|", "12|7|"), query("select hours, mentions from term_hour_span where term = ? order by hours", tag));
    }

    private static ScoredMention tagged(String id, Instant at, String tag) {
        Mention m = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare", id + "-t", null,
                new Author("u-" + id, "@u", 1, false), "the update broke my laptop " + tag, "en", at, null, List.of(), at);
        return new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEGATIVE, -0.5),
                "technical_support", "forge", "consumer", 0.3, 0.1, false, false, List.of(), at);
    }

    /** Rising terms as the service reads them equal those summed from the raw buckets of {@code granularity}. */
    private void assertSameAsRaw(Instant from, Instant to, String granularity, boolean previousHeard) throws SQLException {
        Instant before = from.minus(Duration.between(from, to));
        List<RisingTerm> rollup = queries.risingTerms(from, to, 1, 1000).await().indefinitely();
        List<String> raw = query(("""
                with cur as (select term, sum(mentions) n from term_bucket
                             where granularity = 'G' and bucket >= ? and bucket < ? group by term),
                     prev as (select term, sum(mentions) n from term_bucket
                              where granularity = 'G' and bucket >= ? and bucket < ? group by term)
                select cur.term, cur.n, coalesce(prev.n, 0),
                       round((cur.n + 1.0) / (coalesce(prev.n, 0) + 1.0), 2)::float8
                from cur left join prev on prev.term = cur.term
                order by (cur.n + 1.0) / (coalesce(prev.n, 0) + 1.0) desc, cur.n desc, cur.term""")
                .replace("'G'", "'" + granularity + "'"), from, to, before, from);
        assertFalse(raw.isEmpty(), granularity);
        List<String> got = rollup.stream()
                .map(t -> t.term() + "|" + t.mentions() + "|" + t.previous() + "|" + t.ratio() + "|").toList();
        assertEquals(raw, got, granularity);
        // Some terms were heard in both periods, so the previous counts are compared too.
        assertTrue(!previousHeard || rollup.stream().anyMatch(t -> t.previous() > 0), rollup.toString());
    }

    /** {@code n} mentions one minute apart from {@code t0}, with a text choice that differs per group. */
    private static List<ScoredMention> mentions(String prefix, Instant t0, int n, int group) {
        List<ScoredMention> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = t0.plus(Duration.ofMinutes(i));
            Mention m = new Mention(Mention.VERSION, "x", prefix + "-" + i, "x:@NordlysCare", prefix + "-t" + i, null,
                    new Author("u" + i, "@u" + i, 1, false), TEXTS.get((i * (group + 1)) % TEXTS.size()), "en", at, null,
                    List.of(), at);
            out.add(new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEUTRAL, 0.0),
                    "technical_support", "forge", "consumer", 0.3, 0.1, false, false, List.of(), at));
        }
        return out;
    }
}
