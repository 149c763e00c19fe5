package io.vigie.centres.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.centres.domain.Terms;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch write of mentions.scored leaves exactly the rows the one-by-one write leaves: the same mentions, once
 * through {@link MetricsWriter#scored} each and once through {@link MetricsWriter#scoredBatch} in batches (with
 * redeliveries inside a batch and across batches), one day apart, give the same buckets shifted by that day.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class MetricsWriterTest {

    /** Windows no other test writes to: one for each way of writing. */
    private static final Instant ONE_BY_ONE = Instant.parse("2026-09-10T10:00:00Z");
    private static final Instant BATCHED = ONE_BY_ONE.plus(Duration.ofDays(1));
    private static final Instant ROUTED_ONE_BY_ONE = ONE_BY_ONE.plus(Duration.ofDays(2));
    private static final Instant ROUTED_BATCHED = ONE_BY_ONE.plus(Duration.ofDays(3));

    private static final List<String> TEXTS = List.of("How do I update the antivirus on my Forge?",
            "Battery drains overnight on the Aero", "battery swollen after a year, is that normal?",
            "Loving the new keyboard", "Where is my order?", "the antivirus update crashes everything",
            "Which charger do I need for the Vega?");
    private static final List<String> NETWORKS = List.of("x", "facebook", "community");
    private static final List<String> SPACES = List.of("x:@NordlysCare", "facebook:nordlys", "", "community:board-gaming");

    @Inject
    MetricsWriter writer;

    @Test
    void aBatchGivesTheSameRowsAsOneByOne() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<ScoredMention> a = mentions("a" + run, ONE_BY_ONE);
        List<ScoredMention> b = mentions("b" + run, BATCHED);
        int fresh = 0;
        for (ScoredMention s : a) {
            if (writer.scored(s, Terms.of(s.mention().text())).await().indefinitely()) {
                fresh++;
            }
        }
        int batchFresh = 0;
        for (int i = 0; i < b.size(); i += 97) {
            List<ScoredMention> batch = new ArrayList<>(b.subList(i, Math.min(b.size(), i + 97)));
            batch.add(b.get(i / 2)); // a redelivery of an earlier batch's mention, or of this one's
            batchFresh += writer.scoredBatch(batch).await().indefinitely();
        }
        assertEquals(fresh, batchFresh);
        assertEquals(400, batchFresh);
        // A batch of mentions all seen before counts nothing.
        assertEquals(0, writer.scoredBatch(b.subList(0, 50)).await().indefinitely());
        for (String table : List.of("volume", "rollup", "term", "space", "question", "seen")) {
            List<String> one = rows(table, ONE_BY_ONE, Duration.ZERO);
            List<String> many = rows(table, BATCHED, Duration.ofDays(1));
            assertFalse(one.isEmpty(), table);
            assertEquals(one, many, table);
        }
    }

    @Test
    void aBatchOfRoutingDecisionsGivesTheSameRowsAsOneByOne() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        // Centres of this run only: the backlog of a real centre is what other tests check.
        List<String> centres = List.of("m-" + run, "a-" + run, "b-" + run);
        List<RoutingDecision> a = decisions(mentions("c" + run, ROUTED_ONE_BY_ONE), centres);
        List<RoutingDecision> b = decisions(mentions("d" + run, ROUTED_BATCHED), centres);
        for (RoutingDecision d : a) {
            writer.routed(d).await().indefinitely();
        }
        for (int i = 0; i < b.size(); i += 97) {
            List<RoutingDecision> batch = new ArrayList<>(b.subList(i, Math.min(b.size(), i + 97)));
            batch.add(b.get(i / 2)); // a redelivery of an earlier batch's decision, or of this one's
            writer.routedBatch(batch).await().indefinitely();
        }
        String facts = "select regexp_replace(id, ':[^-]*-', ':-'), centre, network, language, topic, queue, state, "
                + "first_message_at, sla_due_at, routed_at, space from conversation_fact where routed_at >= ? "
                + "and routed_at < ? order by 1";
        List<String> oneFacts = query(facts, ROUTED_ONE_BY_ONE, Duration.ZERO);
        assertFalse(oneFacts.isEmpty());
        assertEquals(oneFacts, query(facts, ROUTED_BATCHED, Duration.ofDays(1)));
        for (String table : List.of("volume", "rollup", "seen")) {
            List<String> one = rows(table, ROUTED_ONE_BY_ONE, Duration.ZERO);
            assertFalse(one.isEmpty(), table);
            assertFalse(one.stream().anyMatch(r -> r.contains("|*|")), table + ": a routed message counts for its centre");
            assertEquals(one, rows(table, ROUTED_BATCHED, Duration.ofDays(1)), table);
        }
    }

    /**
     * A routing decision for each mention (redeliveries included, each with its own centre: the first decides), some
     * without a centre, some without their message, each conversation placed again later in the list.
     */
    private static List<RoutingDecision> decisions(List<ScoredMention> mentions, List<String> centres) {
        List<RoutingDecision> out = new ArrayList<>();
        for (int k = 0; k < mentions.size(); k++) {
            ScoredMention s = mentions.get(k);
            Instant at = s.mention().createdAt();
            out.add(new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(),
                    k % 2 == 0 ? "queued" : "assigned", k % 7 == 3 ? null : centres.get(k % 3), "support-" + k % 4,
                    k % 3, true, List.of(), at.plus(Duration.ofMinutes(15)), k % 11 == 5 ? null : s,
                    at.plus(Duration.ofSeconds(5))));
        }
        return out;
    }

    @Test
    void theRollupHoldsEachDimensionsSumsOfTheVolumeBuckets() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Instant t0 = Instant.parse("2026-09-14T10:00:00Z");
        List<ScoredMention> mentions = mentions("r" + run, t0);
        for (ScoredMention s : mentions.subList(0, 100)) {
            writer.scored(s, Terms.of(s.mention().text())).await().indefinitely();
        }
        writer.scoredBatch(mentions.subList(100, mentions.size())).await().indefinitely();
        for (String dimension : List.of("network", "language", "topic", "product_line")) {
            String fromBuckets = "select granularity, bucket, centre, '" + dimension + "', " + dimension + ", sum(mentions), "
                    + "sum(positive), sum(negative), round(sum(score_sum)::numeric, 9) from volume_bucket "
                    + "where bucket >= ? and bucket < ? group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5";
            String fromRollup = "select granularity, bucket, centre, dimension, key, mentions, positive, negative, "
                    + "round(score_sum::numeric, 9) from volume_rollup where bucket >= ? and bucket < ? and dimension = '"
                    + dimension + "' order by 1, 2, 3, 4, 5";
            assertEquals(query(fromBuckets, t0, Duration.ZERO), query(fromRollup, t0, Duration.ZERO), dimension);
        }
        String totals = "select granularity, bucket, centre, sum(mentions), sum(positive), sum(negative), "
                + "round(sum(score_sum)::numeric, 9) from volume_bucket where bucket >= ? and bucket < ? group by 1, 2, 3 order by 1, 2, 3";
        String rollupTotals = "select granularity, bucket, centre, mentions, positive, negative, round(score_sum::numeric, 9) "
                + "from volume_rollup where bucket >= ? and bucket < ? and dimension = '' order by 1, 2, 3";
        List<String> expected = query(totals, t0, Duration.ZERO);
        assertFalse(expected.isEmpty());
        assertEquals(expected, query(rollupTotals, t0, Duration.ZERO));
        // The day rows (V14) hold the sums of the hour buckets of their UTC day, for every dimension.
        Instant day = t0.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String hoursByDay = "select date_trunc('day', bucket, 'UTC'), centre, d.dimension, d.key, sum(mentions), sum(positive), "
                + "sum(negative), round(sum(score_sum)::numeric, 9) from volume_bucket cross join lateral (values ('', ''), "
                + "('network', network), ('language', language), ('topic', topic), ('product_line', product_line)) d(dimension, key) "
                + "where granularity = 'hour' and bucket >= ? and bucket < ? group by 1, 2, 3, 4 order by 1, 2, 3, 4";
        String dayRows = "select bucket, centre, dimension, key, mentions, positive, negative, round(score_sum::numeric, 9) "
                + "from volume_rollup where granularity = 'day' and bucket >= ? and bucket < ? order by 1, 2, 3, 4";
        List<String> days = query(hoursByDay, day, Duration.ZERO, Duration.ofDays(1));
        assertFalse(days.isEmpty());
        assertEquals(days, query(dayRows, day, Duration.ZERO, Duration.ofDays(1)));
    }

    /** 400 mentions over two hours, and 20 redeliveries among them. */
    private static List<ScoredMention> mentions(String prefix, Instant t0) {
        List<ScoredMention> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String network = NETWORKS.get(i % 3);
            String space = SPACES.get(i % 4).isEmpty() ? (i % 8 == 2 ? null : " ") : SPACES.get(i % 4);
            Instant at = t0.plus(Duration.ofSeconds(i * 17L));
            Sentiment sentiment = i % 9 == 0 ? null
                    : new Sentiment(i % 3 == 0 ? Sentiment.POSITIVE : i % 3 == 1 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL,
                            (i % 21 - 10) / 10.0);
            Mention m = new Mention(Mention.VERSION, network, prefix + "-" + i, space, prefix + "-t" + i % 50, null,
                    new Author("u" + i, "@u" + i, 1, false), TEXTS.get(i % TEXTS.size()) + (i % 5 == 0 ? " " + i : ""),
                    "en", at, null, List.of(), at);
            out.add(new ScoredMention(ScoredMention.VERSION, m, i % 4 == 0 ? "fr" : "en", sentiment,
                    i % 6 == 0 ? null : "technical_support", i % 5 == 0 ? null : i % 2 == 0 ? "forge" : "laptops",
                    "consumer", 0.3, 0.1, false, false, List.of(), at));
            if (i % 20 == 7) {
                out.add(out.get(i / 2));
            }
        }
        return out;
    }

    /** The rows a table holds for one window, buckets shifted back by {@code shift}, score sums to 9 decimals. */
    private static List<String> rows(String table, Instant from, Duration shift) throws SQLException {
        String sql = switch (table) {
            case "volume" -> "select granularity, bucket, centre, network, language, topic, product_line, mentions, positive, "
                    + "negative, round(score_sum::numeric, 9) from volume_bucket where bucket >= ? and bucket < ? "
                    + "order by 1, 2, 3, 4, 5, 6, 7";
            case "rollup" -> "select granularity, bucket, centre, dimension, key, mentions, positive, negative, "
                    + "round(score_sum::numeric, 9) from volume_rollup where bucket >= ? and bucket < ? order by 1, 2, 3, 4, 5";
            case "term" -> "select granularity, bucket, term, mentions from term_bucket where bucket >= ? and bucket < ? "
                    + "order by 1, 2, 3";
            case "space" -> "select granularity, bucket, space, network, mentions, positive, negative, "
                    + "round(score_sum::numeric, 9) from space_bucket where bucket >= ? and bucket < ? order by 1, 2, 3";
            case "question" -> "select bucket, product_line, topic, signature, mentions, example from question_bucket "
                    + "where bucket >= ? and bucket < ? order by 1, 2, 3, 4";
            default -> "select source, substring(mention_key from position('-' in mention_key)), created_at, text "
                    + "from mention_seen where created_at >= ? and created_at < ? order by 2";
        };
        return query(sql, from, shift);
    }

    private static List<String> query(String sql, Instant from, Duration shift) throws SQLException {
        return query(sql, from, shift, Duration.ofHours(3));
    }

    /** The rows of {@code sql} over [from, from + length), timestamps shifted back by {@code shift}. */
    private static List<String> query(String sql, Instant from, Duration shift, Duration length) throws SQLException {
        Infra infra = Infra.get();
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("centres_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD")); PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(from));
            st.setTimestamp(2, Timestamp.from(from.plus(length)));
            try (ResultSet r = st.executeQuery()) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        Object v = r.getObject(i);
                        if (v instanceof Timestamp t) {
                            v = t.toInstant().minus(shift);
                        }
                        row.append(v).append('|');
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }
}
