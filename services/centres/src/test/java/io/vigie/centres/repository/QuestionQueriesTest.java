package io.vigie.centres.repository;

import static io.vigie.centres.repository.TestDatabase.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.centres.domain.Terms;
import io.vigie.centres.repository.QuestionQueries.QuestionCluster;
import io.vigie.centres.repository.QuestionQueries.Questions;
import io.vigie.events.Author;
import io.vigie.events.Mention;
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
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recurring questions read from the days' and hours' busiest clusters (ADR 0123, migration V20) against the sums of
 * every question hour row: the day rollup holds its hours' sums whichever way they were written, every count shown is
 * exact, an answer said exact is the true top, and no cluster left out counts more than the bound given.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class QuestionQueriesTest {

    /** A window no other test writes questions to. */
    private static final Instant START = Instant.parse("2026-03-02T04:00:00Z");
    private static final Instant END = Instant.parse("2026-03-08T04:00:00Z");
    private static final String BRUTE_FORCE = """
            with cur as (select product_line, topic, signature, sum(mentions) n, min(example) example
                         from question_bucket where bucket >= ? and bucket < ? group by 1, 2, 3),
                 prev as (select product_line, topic, signature, sum(mentions) n
                          from question_bucket where bucket >= ? and bucket < ? group by 1, 2, 3)
            select cur.product_line, cur.topic, cur.signature, cur.n, coalesce(prev.n, 0) p, cur.example from cur
            left join prev using (product_line, topic, signature)
            order by cur.n desc, cur.signature, cur.product_line, cur.topic""";

    @Inject
    MetricsWriter writer;

    @Inject
    QuestionQueries questions;

    @BeforeEach
    void freshWindow() throws SQLException {
        Instant from = START.minus(Duration.ofDays(10));
        Instant to = END.plus(Duration.ofDays(30));
        TestDatabase.update("delete from question_bucket where bucket >= ? and bucket < ?", from, to);
        TestDatabase.update("delete from question_day where day >= ? and day < ?", from, to);
    }

    @Test
    void theBusiestListsGiveTheTopOfEveryRowWithExactCounts() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Random random = new Random(7);
        List<ScoredMention> all = new ArrayList<>();
        long hours = Duration.between(START, END).toHours();
        for (int i = 0; i < 3_000; i++) {
            // Clusters drawn skewed, as real questions are: a few asked often, a long tail asked once.
            int cluster = (int) Math.floor(Math.pow(400, random.nextDouble())) - 1;
            Instant at = START.plus(Duration.ofMinutes(random.nextLong(hours * 60)));
            String text = "why zq" + cluster + "a zq" + cluster + "b " + (i % 7 == 0 ? "again" : "") + "?";
            all.add(mention(run + "-" + i, text, i % 3 == 0 ? "forge" : "aero", at));
        }
        // One by one and in batches (inserts and updates of hour rows, both statement triggers).
        for (ScoredMention m : all.subList(0, 200)) {
            writer.scored(m, Terms.of(m.mention().text())).await().indefinitely();
        }
        for (int i = 200; i < all.size(); i += 150) {
            writer.scoredBatch(all.subList(i, Math.min(all.size(), i + 150))).await().indefinitely();
        }
        assertEquals(query("""
                select date_trunc('day', bucket, 'UTC'), product_line, topic, signature, sum(mentions), min(example)
                from question_bucket where bucket >= ? and bucket < ? group by 1, 2, 3, 4 order by 1, 2, 3, 4""", START, END),
                query("""
                select day, product_line, topic, signature, mentions, example from question_day
                where day >= date_trunc('day', ?::timestamptz, 'UTC') and day < ? order by 1, 2, 3, 4""", START, END));

        List<Instant[]> periods = List.of(
                new Instant[] { Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z") },
                new Instant[] { Instant.parse("2026-03-05T05:00:00Z"), Instant.parse("2026-03-07T17:00:00Z") },
                new Instant[] { Instant.parse("2026-03-05T10:00:00Z"), Instant.parse("2026-03-05T13:00:00Z") },
                new Instant[] { Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z") });
        int approximate = 0;
        for (Instant[] p : periods) {
            Instant before = p[0].minus(Duration.between(p[0], p[1]));
            Map<String, String[]> truth = new LinkedHashMap<>();
            for (String row : query(BRUTE_FORCE, p[0], p[1], before, p[0])) {
                String[] f = row.split("\\|");
                truth.put(f[0] + "|" + f[1] + "|" + f[2], f);
            }
            for (int[] read : new int[][] { { 5, 5 }, { 20, 20 }, { 20, 10_000 } }) {
                int limit = read[0];
                int perTile = read[1];
                Questions q = questions.questions(p[0], p[1], limit, perTile).await().indefinitely();
                String where = p[0] + " to " + p[1] + " reading " + perTile + " per tile: " + q;
                assertEquals(Math.min(limit, truth.size()), q.clusters().size(), where);
                List<String> shown = new ArrayList<>();
                for (QuestionCluster c : q.clusters()) {
                    String key = c.productLine() + "|" + c.topic() + "|" + c.signature();
                    shown.add(key);
                    String[] t = truth.get(key);
                    assertEquals(List.of(t[3], t[4], t[5]),
                            List.of(Long.toString(c.mentions()), Long.toString(c.previous()), c.example()), where);
                }
                long last = q.clusters().get(q.clusters().size() - 1).mentions();
                for (Map.Entry<String, String[]> e : truth.entrySet()) {
                    if (!shown.contains(e.getKey())) {
                        assertTrue(Long.parseLong(e.getValue()[3]) <= Math.max(last, q.missedAtMost()), where);
                    }
                }
                if (q.exact()) {
                    // A true top: the counts of the true top, whichever of the clusters tied with the last are shown.
                    assertEquals(truth.values().stream().limit(limit).map(t -> Long.parseLong(t[3])).toList(),
                            q.clusters().stream().map(QuestionCluster::mentions).toList(), where);
                } else {
                    approximate++;
                }
                if (perTile == 10_000) {
                    assertTrue(q.exact(), "complete lists prove the top: " + where);
                }
            }
        }
        assertTrue(approximate > 0, "short lists left some period unproven: the bound path was exercised");
        Questions none = questions.questions(Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-21T00:00:00Z"), 20)
                .await().indefinitely();
        assertTrue(none.exact());
        assertTrue(none.clusters().isEmpty());
        assertFalse(questions.questions(periods.get(3)[0], periods.get(3)[1], 20).await().indefinitely().clusters().isEmpty());
    }

    private static ScoredMention mention(String id, String text, String productLine, Instant at) {
        Mention m = new Mention(Mention.VERSION, "community", id, "community:board-gaming", null, null,
                new Author("q-" + id, "q-" + id, 1, false), text, "en", at, null, List.of(), at);
        return new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEUTRAL, 0.0), "configuration",
                productLine, "consumer", 0.2, 0.1, false, false, List.of(), at);
    }
}
