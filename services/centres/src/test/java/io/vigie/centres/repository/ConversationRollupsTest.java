package io.vigie.centres.repository;

import static io.vigie.centres.repository.TestDatabase.query;
import static io.vigie.centres.repository.TestDatabase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.centres.repository.MetricsQueries.Backlog;
import io.vigie.centres.repository.MetricsQueries.Closures;
import io.vigie.centres.repository.MetricsQueries.Responses;
import io.vigie.events.Author;
import io.vigie.events.ConversationClosed;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Mention;
import io.vigie.events.Reply;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.testsupport.InfraTestResource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conversation and reply rollups (ADRs 0110-0112, migrations V11-V13) stay equal to what the raw rows give,
 * whichever way the rows were written or moved (inserts, later first responses and closures, a re-routing to
 * another centre, receipts), and the report's figures read through them match the raw rows: counts, backlog and
 * replies exactly, the percentiles within the stated 2 % of the exact nearest-rank percentile.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationRollupsTest {

    /** A window no other test writes to. */
    private static final Instant T0 = Instant.parse("2026-05-10T03:20:00Z");
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String A = "ra-" + RUN;
    private static final String B = "rb-" + RUN;
    private static final int N = 320;

    /** Periods with partial days at both edges, whole days only, and within one day. */
    private static final List<Instant[]> PERIODS = List.of(
            new Instant[] { Instant.parse("2026-05-10T05:00:00Z"), Instant.parse("2026-05-13T19:00:00Z") },
            new Instant[] { Instant.parse("2026-05-11T00:00:00Z"), Instant.parse("2026-05-13T00:00:00Z") },
            new Instant[] { Instant.parse("2026-05-11T02:00:00Z"), Instant.parse("2026-05-11T20:00:00Z") },
            new Instant[] { Instant.parse("2026-05-09T00:00:00Z"), Instant.parse("2026-05-20T00:00:00Z") },
            // Minutes at the edges, whole hours, whole days (V15, ADR 0121): the minutes are read from the facts.
            new Instant[] { Instant.parse("2026-05-10T05:17:00Z"), Instant.parse("2026-05-13T19:43:00Z") },
            new Instant[] { Instant.parse("2026-05-11T02:13:00Z"), Instant.parse("2026-05-11T20:47:30Z") });

    @Inject
    MetricsWriter writer;

    @Inject
    MetricsQueries queries;

    @BeforeAll
    void write() throws SQLException {
        // Their mentions too, in batches (the spaces' volume, read through space_bucket's minute, hour and day rows).
        List<ScoredMention> mentions = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            mentions.add(scored(i));
        }
        for (int i = 0; i < N; i += 64) {
            writer.scoredBatch(mentions.subList(i, Math.min(N, i + 64))).await().indefinitely();
        }
        // Routed in polls of 16 decisions, as the consumer writes them: one statement per poll, many conversations
        // sharing a centre's backlog counter and a space's hour (V28 sums them per rollup row). Every sixth
        // conversation was first placed with the other centre in the same poll.
        List<RoutingDecision> poll = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            ScoredMention s = scored(i);
            Instant at = s.mention().createdAt();
            String queue = i % 3 == 0 ? null : (i % 3 == 1 ? "general" : "crisis");
            if (i % 6 == 0) {
                poll.add(new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(), "queued",
                        i % 5 == 0 ? A : B, "general", 50, true, List.of("first"), null, s, at));
            }
            poll.add(new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(),
                    i % 4 == 0 ? "queued" : "assigned", i % 5 == 0 ? B : A, queue, 50, true, List.of("test"),
                    i % 7 == 0 ? null : at.plus(Duration.ofHours(1)), s, at.plusSeconds(1)));
            if (poll.size() >= 16 || i == N - 1) {
                writer.routedBatch(List.copyOf(poll)).await().indefinitely();
                poll.clear();
            }
        }
        for (int i = 0; i < N; i++) {
            ScoredMention s = scored(i);
            Instant at = s.mention().createdAt();
            // Durations from 0 s (a reply at the message's time) to about 5.5 hours, log-spread.
            long responseSeconds = i % 13 == 0 ? 0 : Math.round(Math.exp((i * 0.37) % 10));
            if (i % 10 < 7) {
                String id = RUN + "-reply-" + i;
                writer.reply(new Reply(Reply.VERSION, id, s.mention().conversationKey(), "x", null, null, "hi", "en",
                        "agent", i % 5 == 0 ? B : A, at.plusSeconds(responseSeconds))).await().indefinitely();
                if (i % 2 == 0) {
                    writer.receipt(new DeliveryReceipt(DeliveryReceipt.VERSION, id, s.mention().conversationKey(),
                            i % 3 == 0 ? DeliveryReceipt.FAILED : DeliveryReceipt.DELIVERED, "n-" + i, null, 1,
                            at.plusSeconds(responseSeconds + 2))).await().indefinitely();
                }
            }
            if (i % 10 < 4) {
                writer.closed(new ConversationClosed(ConversationClosed.VERSION, s.mention().conversationKey(),
                        i % 5 == 0 ? B : A, "x", null, "en", "technical_support", "agent",
                        new Sentiment(Sentiment.NEGATIVE, -0.5), new Sentiment(Sentiment.POSITIVE, 0.5),
                        (i % 9 - 4) / 10.0, i % 3 == 0, 2, 1, at,
                        at.plusSeconds(responseSeconds + 600 + (i * 104_729L) % 90_000))).await().indefinitely();
            }
        }
        // Re-routed later to the other centre: every rollup moves the conversation's contributions with it. Half one
        // at a time, half in one statement (an update of many rows, old and new, V28).
        List<RoutingDecision> moves = new ArrayList<>();
        for (int i = 0; i < N; i += 11) {
            ScoredMention s = scored(i);
            Instant at = s.mention().createdAt();
            RoutingDecision move = new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(), "queued",
                    i % 5 == 0 ? A : B, "general", 50, true, List.of("moved"), at.plus(Duration.ofHours(2)), s,
                    at.plus(Duration.ofDays(3)));
            if (i % 2 == 0) {
                writer.routed(move).await().indefinitely();
            } else {
                moves.add(move);
            }
        }
        writer.routedBatch(moves).await().indefinitely();
        // Deleted facts take their contributions with them (a purge).
        assertTrue(TestDatabase.update("delete from conversation_fact where id like ? and (right(id, 1) = '3')",
                "%" + RUN + "%") > 5);
    }

    /** The histogram rows per UTC day of the two centres' conversations, from the raw rows. */
    private static String raw() {
        return """
                select kind, day, centre, bucket, count(*) from (
                    select 'first_response' kind, date_trunc('day', first_response_at, 'UTC') as day, centre,
                           duration_bucket(extract(epoch from first_response_at - first_message_at)) bucket
                    from conversation_fact where centre in (?, ?) and first_response_at is not null and first_message_at is not null
                    union all
                    select 'resolution', date_trunc('day', closed_at, 'UTC'), centre,
                           duration_bucket(extract(epoch from closed_at - first_message_at))
                    from conversation_fact where centre in (?, ?) and closed_at is not null and first_message_at is not null) x
                group by 1, 2, 3, 4 order by 1, 2, 3, 4""";
    }

    @Test
    void theDayRollupsHoldWhatTheRawRowsGive() throws SQLException {
        List<String> raw = query(raw(), A, B, A, B);
        List<String> rollup = query("select kind, day, centre, bucket, conversations from conversation_time_day "
                + "where centre in (?, ?) and conversations <> 0 order by 1, 2, 3, 4", A, B);
        assertTrue(raw.size() > 50, "rows " + raw.size());
        assertEquals(raw, rollup);
        // The rows of every centre together (V14, ADR 0121) are the sums of the centres' rows.
        List<String> allCentres = query("select kind, day, bucket, sum(conversations) from conversation_time_day "
                + "where centre <> '*' group by 1, 2, 3 having sum(conversations) <> 0 order by 1, 2, 3");
        List<String> starRows = query("select kind, day, bucket, conversations from conversation_time_day "
                + "where centre = '*' and conversations <> 0 order by 1, 2, 3");
        assertTrue(starRows.size() > 50, "rows " + starRows.size());
        assertEquals(allCentres, starRows);
        // The hour rollups (V15) hold what the raw rows give per hour, and sum to the day rollups.
        List<String> rawHours = query(raw().replace("'day'", "'hour'"), A, B, A, B);
        List<String> hourRollup = query("select kind, hour, centre, bucket, conversations from conversation_time_hour "
                + "where centre in (?, ?) and conversations <> 0 order by 1, 2, 3, 4", A, B);
        assertTrue(rawHours.size() > raw.size(), "rows " + rawHours.size());
        assertEquals(rawHours, hourRollup);
        assertEquals(query("select kind, day, centre, bucket, conversations from conversation_time_day "
                + "where conversations <> 0 order by 1, 2, 3, 4"), query("select kind, date_trunc('day', hour, 'UTC'), centre, "
                + "bucket, sum(conversations) from conversation_time_hour group by 1, 2, 3, 4 having sum(conversations) <> 0 "
                + "order by 1, 2, 3, 4"));
        String daySums = "select date_trunc('day', %s, 'UTC'), centre, sum(responded), sum(with_sla), sum(met_sla), sum(closed), "
                + "sum(delta_sum), sum(delta_count), sum(restated) from %s group by 1, 2 having sum(responded) <> 0 "
                + "or sum(closed) <> 0 order by 1, 2";
        assertEquals(query(daySums.formatted("day", "conversation_day")), query(daySums.formatted("hour", "conversation_hour")));
        String replySums = "select date_trunc('day', %s, 'UTC'), centre, status, sum(replies) from %s group by 1, 2, 3 "
                + "having sum(replies) <> 0 order by 1, 2, 3";
        assertEquals(query(replySums.formatted("day", "reply_day")), query(replySums.formatted("hour", "reply_hour")));

        List<String> rawReplies = query("select date_trunc('day', created_at, 'UTC'), centre, coalesce(status, ''), count(*) "
                + "from reply_fact where counted and centre in (?, ?) group by 1, 2, 3 order by 1, 2, 3", A, B);
        List<String> replyDays = query("select day, centre, status, replies from reply_day where centre in (?, ?) "
                + "and replies <> 0 order by 1, 2, 3", A, B);
        assertTrue(rawReplies.size() > 5, "rows " + rawReplies.size());
        assertEquals(rawReplies, replyDays);
    }

    @Test
    void responsesAndClosuresMatchTheRawRows() throws SQLException {
        for (String centre : new String[] { A, B, null }) {
            for (Instant[] p : PERIODS) {
                String what = centre + " " + p[0] + " " + p[1];
                Responses got = queries.responses(centre, p[0], p[1]).await().indefinitely();
                Map<String, Object> raw = row("""
                        select count(*) n, count(*) filter (where sla_due_at is not null) with_sla,
                               count(*) filter (where first_response_at <= sla_due_at) met,
                               percentile_disc(0.5) within group (order by extract(epoch from first_response_at - first_message_at))::float8 p50,
                               percentile_disc(0.9) within group (order by extract(epoch from first_response_at - first_message_at))::float8 p90
                        from conversation_fact where first_response_at >= ? and first_response_at < ?
                          and first_message_at is not null and (?::text is null or centre = ?)""", p[0], p[1], centre, centre);
                assertEquals(((Number) raw.get("n")).longValue(), got.responded(), what);
                assertEquals(((Number) raw.get("with_sla")).longValue(), got.withSla(), what);
                assertEquals(((Number) raw.get("met")).longValue(), got.metSla(), what);
                assertWithin(raw.get("p50"), got.p50(), what + " p50");
                assertWithin(raw.get("p90"), got.p90(), what + " p90");

                Closures closed = queries.closures(centre, p[0], p[1]).await().indefinitely();
                Map<String, Object> rawClosed = row("""
                        select count(*) n, avg(sentiment_delta) delta, avg(case when restated then 1.0 else 0.0 end)::float8 restated,
                               percentile_disc(0.5) within group (order by extract(epoch from closed_at - first_message_at))::float8 p50,
                               percentile_disc(0.9) within group (order by extract(epoch from closed_at - first_message_at))::float8 p90
                        from conversation_fact where closed_at >= ? and closed_at < ? and (?::text is null or centre = ?)""",
                        p[0], p[1], centre, centre);
                assertEquals(((Number) rawClosed.get("n")).longValue(), closed.closed(), what);
                assertClose(rawClosed.get("delta"), closed.meanDelta(), what + " delta");
                assertClose(rawClosed.get("restated"), closed.restatedShare(), what + " restated");
                assertWithin(rawClosed.get("p50"), closed.p50(), what + " resolution p50");
                assertWithin(rawClosed.get("p90"), closed.p90(), what + " resolution p90");
            }
        }
        // The data spans both centres and the periods hold conversations of both kinds.
        assertTrue(queries.responses(B, PERIODS.get(0)[0], PERIODS.get(0)[1]).await().indefinitely().responded() > 10);
        assertTrue(queries.closures(A, PERIODS.get(0)[0], PERIODS.get(0)[1]).await().indefinitely().closed() > 10);
    }

    @Test
    void backlogAndRepliesMatchTheRawRows() throws SQLException {
        for (String centre : new String[] { A, B }) {
            List<String> raw = query("""
                    select centre, coalesce(queue, '') q, count(*), min(first_message_at) from conversation_fact
                    where first_response_at is null and state in ('new', 'queued', 'assigned') and centre = ?
                    group by 1, 2 order by 1, 2""", centre);
            List<String> got = new ArrayList<>();
            for (Backlog b : queries.backlog(centre).await().indefinitely()) {
                got.add(b.centre() + "|" + b.queue() + "|" + b.waiting() + "|" + b.oldestMessageAt() + "|");
            }
            // A has conversations waiting in several queues, one without a queue (read as the queue '').
            assertTrue(!raw.isEmpty() && (centre.equals(B) || raw.stream().anyMatch(r -> r.contains("||"))
                    && raw.size() >= 3), centre + " " + raw);
            assertEquals(raw, got, centre);
            for (Instant[] p : PERIODS) {
                List<String> rawReplies = query("select coalesce(status, ''), count(*) from reply_fact where counted "
                        + "and created_at >= ? and created_at < ? and centre = ? group by 1 order by 1", p[0], p[1], centre);
                List<String> replies = new ArrayList<>();
                queries.replies(centre, p[0], p[1]).await().indefinitely().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey()).forEach(e -> replies.add(e.getKey() + "|" + e.getValue() + "|"));
                assertEquals(rawReplies, replies, centre + " " + p[0] + " " + p[1]);
            }
        }
        // Every centre's backlog holds these centres' rows too.
        assertTrue(queries.backlog(null).await().indefinitely().stream().anyMatch(b -> b.centre().equals(B)));
    }

    @Test
    void spacesMatchTheRawRows() throws SQLException {
        for (Instant[] p : PERIODS) {
            String what = p[0] + " " + p[1];
            List<String> raw = new ArrayList<>();
            List<String> got = new ArrayList<>();
            Map<String, Object> exactMedians = new LinkedHashMap<>();
            for (String line : query("""
                    select coalesce(v.space, c.space), coalesce(v.m, 0), coalesce(c.n, 0), coalesce(c.unanswered, 0), c.p50
                    from (select space, sum(mentions) m from space_bucket
                          where granularity = 'minute' and bucket >= ? and bucket < ? and space like ? group by space) v
                    full join (select space, count(*) n,
                                      count(*) filter (where first_response_at is null
                                                       and coalesce(state, '') not in ('closed', 'resolved')) unanswered,
                                      percentile_disc(0.5) within group
                                          (order by extract(epoch from first_response_at - first_message_at))::float8 p50
                               from conversation_fact where first_message_at >= ? and first_message_at < ? and space like ?
                               group by space) c on c.space = v.space
                    order by 2 desc, 3 desc, 1""", p[0], p[1], "%-" + RUN, p[0], p[1], "%-" + RUN)) {
                String[] f = line.split("\\|", -1);
                raw.add(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3]);
                exactMedians.put(f[0], f[4].equals("null") ? null : Double.valueOf(f[4]));
            }
            for (MetricsQueries.SpaceRow r : queries.spaces(p[0], p[1]).await().indefinitely()) {
                if (r.space().endsWith("-" + RUN)) {
                    got.add(r.space() + "|" + r.mentions() + "|" + r.conversations() + "|" + r.unanswered());
                    assertWithin(exactMedians.get(r.space()), r.firstResponseP50(), what + " " + r.space());
                }
            }
            assertEquals(raw, got, what);
        }
        // The longest period holds the three spaces, heard, with answered and unanswered conversations.
        // The spans of the first response histograms hold the sums of their days.
        assertEquals(query("select k, term_span_start(day, k), space, bucket, sum(conversations) from space_response_day "
                + "cross join unnest(array[4, 16, 64]) k where space like ? group by 1, 2, 3, 4 having sum(conversations) <> 0 "
                + "order by 1, 2, 3, 4", "%-" + RUN), query("select days, start, space, bucket, conversations "
                + "from space_response_span where space like ? and conversations <> 0 order by 1, 2, 3, 4", "%-" + RUN));
        assertEquals(query("select k, term_hour_span_start(hour, k), space, bucket, sum(conversations) from space_response_hour "
                + "cross join unnest(array[4, 12]) k where space like ? group by 1, 2, 3, 4 having sum(conversations) <> 0 "
                + "order by 1, 2, 3, 4", "%-" + RUN), query("select hours, start, space, bucket, conversations "
                + "from space_response_hour_span where space like ? and conversations <> 0 order by 1, 2, 3, 4", "%-" + RUN));
        List<MetricsQueries.SpaceRow> longest = queries.spaces(PERIODS.get(3)[0], PERIODS.get(3)[1]).await().indefinitely()
                .stream().filter(r -> r.space().endsWith("-" + RUN)).toList();
        assertEquals(3, longest.stream()
                .filter(r -> r.mentions() > 0 && r.unanswered() > 0 && r.unanswered() < r.conversations()).count(),
                longest.toString());
    }

    @Test
    void aPercentileIsTheValueOfTheBucketHoldingItsNearestRank() {
        assertNull(MetricsQueries.percentile(new long[0], 0.5));
        long[] h = { MetricsQueries.ZERO_BUCKET, 3, 100, 2, 200, 5 };
        assertEquals(0.0, MetricsQueries.percentile(h, 0.3));
        assertEquals(MetricsQueries.bucketValue(100), MetricsQueries.percentile(h, 0.5));
        assertEquals(MetricsQueries.bucketValue(200), MetricsQueries.percentile(h, 0.51));
        assertEquals(MetricsQueries.bucketValue(200), MetricsQueries.percentile(h, 1.0));
        // Within 2 % of both ends of its bucket (g^(i-1), g^i].
        for (int i : new int[] { -150, 0, 1, 137, 400 }) {
            double v = MetricsQueries.bucketValue(i);
            double hi = Math.pow(MetricsQueries.BUCKET_RATIO, i);
            double lo = Math.pow(MetricsQueries.BUCKET_RATIO, i - 1);
            assertTrue(Math.abs(v - hi) / hi <= 0.02 + 1e-12 && Math.abs(v - lo) / lo <= 0.02 + 1e-12, "bucket " + i);
        }
    }

    /** The estimate is within 2 % of the exact value (0 when the exact value is under 1 ms), null when it is. */
    private static void assertWithin(Object exact, Double got, String what) {
        if (exact == null) {
            assertNull(got, what);
            return;
        }
        double e = ((Number) exact).doubleValue();
        assertNotNull(got, what);
        if (e < 0.001) {
            assertEquals(0.0, got, what);
        } else {
            assertTrue(Math.abs(got - e) / e <= 0.02 + 1e-9, what + ": exact " + e + ", got " + got);
        }
    }

    private static void assertClose(Object exact, Double got, String what) {
        if (exact == null) {
            assertNull(got, what);
        } else {
            assertNotNull(got, what);
            assertEquals(((Number) exact).doubleValue(), got, 1e-9, what);
        }
    }

    /** Three spaces of this run's own. */
    private static String space(int i) {
        return "x:sp" + i % 3 + "-" + RUN;
    }

    private static ScoredMention scored(int i) {
        Instant at = T0.plus(Duration.ofMinutes(17L * i));
        Mention m = new Mention(Mention.VERSION, "x", RUN + "-c" + i, space(i), RUN + "-t" + i, null,
                new Author("u" + i, "@u" + i, 1, false), "help " + i, "en", at, null, List.of(), at);
        return new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEUTRAL, 0.0),
                "technical_support", "forge", "consumer", 0.3, 0.1, false, false, List.of(), at);
    }
}
