package io.vigie.centres.repository;

import static io.vigie.centres.repository.MetricsWriter.odt;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.centres.domain.TopListMerge;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recurring questions (ADR 0123): the most asked question clusters of a period, read from each whole day's and each
 * remaining hour's busiest clusters, then the exact counts of the candidates in the period and in the previous one.
 */
@ApplicationScoped
public class QuestionQueries {

    /**
     * Rows of the tiles' busiest lists read per report, shared between its tiles (at least {@link #MIN_PER_TILE} each):
     * an hour of the bench's data has about 750 clusters and a day 18,000, so an hour is read whole and longer periods
     * by their busiest clusters: the budget bounds the work of a report (ADR 0123).
     */
    static final int LIST_ROWS = 5_000;
    static final int MIN_PER_TILE = 50;
    /** Candidates read exactly per cluster asked for. */
    static final int CANDIDATES_PER_ANSWER = 3;

    /** A cluster of similar questions: a product line, a topic and a signature (the question's first three terms). */
    public record Cluster(String productLine, String topic, String signature) {
        /** The report's order of clusters of equal counts. */
        static final Comparator<Cluster> ORDER = Comparator.comparing(Cluster::signature).thenComparing(Cluster::productLine)
                .thenComparing(Cluster::topic);
    }

    /** A cluster with its count in the period and in the previous one of equal length, and an example. */
    public record QuestionCluster(String productLine, String topic, String signature, long mentions, long previous,
            String example) {
    }

    /**
     * The most asked clusters of a period, busiest first; every count shown is exact. {@code exact}: the list is
     * provably a true top (no cluster left out counts more than the last one shown; of clusters tied with it, any may be
     * shown); else a cluster left out may have up to {@code missedAtMost} mentions.
     */
    public record Questions(Instant from, Instant to, boolean exact, long missedAtMost, List<QuestionCluster> clusters) {
    }

    private final Pool pool;

    public QuestionQueries(Pool pool) {
        this.pool = pool;
    }

    /** The {@code limit} most asked question clusters of [from, to) (whole hours), with the previous period's counts. */
    public Uni<Questions> questions(Instant from, Instant to, int limit) {
        return questions(from, to, limit, 0);
    }

    /**
     * As {@link #questions(Instant, Instant, int)}, reading up to {@code perTile} clusters of each tile's list (0: the
     * {@link #LIST_ROWS} budget shared between the tiles); at least {@code limit}, so that a list cut short alone holds
     * enough clusters to answer.
     */
    Uni<Questions> questions(Instant from, Instant to, int limit, int perTile) {
        Tiling tiling = Tiling.of(from, to);
        List<OffsetDateTime> days = starts(tiling.dayBlocks(Tiling.SINGLE));
        List<OffsetDateTime> hours = starts(tiling.hourBlocks(Tiling.SINGLE));
        int tiles = days.size() + hours.size();
        if (tiles == 0) {
            return Uni.createFrom().item(new Questions(from, to, true, 0, List.of()));
        }
        int listed = Math.max(limit, perTile > 0 ? perTile : Math.max(MIN_PER_TILE, LIST_ROWS / tiles));
        String sql = """
                select d.day tile, q.product_line, q.topic, q.signature, q.mentions from unnest($1::timestamptz[]) d(day)
                cross join lateral (select product_line, topic, signature, mentions from question_day
                                    where day = d.day order by mentions desc limit $3) q
                union all
                select h.hour, q.product_line, q.topic, q.signature, q.mentions from unnest($2::timestamptz[]) h(hour)
                cross join lateral (select product_line, topic, signature, mentions from question_bucket
                                    where bucket = h.hour order by mentions desc limit $3) q""";
        Tuple args = Tuple.of(days.toArray(OffsetDateTime[]::new), hours.toArray(OffsetDateTime[]::new), (long) listed);
        return pool.preparedQuery(sql).execute(args).chain(rows -> {
            TopListMerge<Cluster> merge = merge(rows, listed);
            List<Cluster> candidates = merge.candidates(CANDIDATES_PER_ANSWER * limit);
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(new Questions(from, to, true, 0, List.of()));
            }
            return exact(candidates, from, to).map(clusters -> {
                List<QuestionCluster> top = clusters.subList(0, Math.min(limit, clusters.size()));
                long missed = merge.boundOutside(candidates);
                boolean exact = TopListMerge.trueTop(missed, top.size(), limit,
                        top.isEmpty() ? 0 : top.get(top.size() - 1).mentions());
                return new Questions(from, to, exact, missed, List.copyOf(top));
            });
        });
    }

    /** Each tile's list into the merge; a list shorter than asked holds every cluster of its tile. */
    private static TopListMerge<Cluster> merge(RowSet<Row> rows, int perTile) {
        Map<OffsetDateTime, Map<Cluster, Long>> lists = new LinkedHashMap<>();
        for (Row r : rows) {
            lists.computeIfAbsent(r.getOffsetDateTime(0), t -> new HashMap<>()).put(
                    new Cluster(r.getString(1), r.getString(2), r.getString(3)), r.getLong(4));
        }
        TopListMerge<Cluster> merge = new TopListMerge<>(Cluster.ORDER);
        lists.values().forEach(list -> merge.tile(list, list.size() < perTile));
        return merge;
    }

    /**
     * The candidates' exact counts in [from, to) and in the previous period of equal length, with the least example
     * of the period, busiest first: whole days from question_day, the hours around them from question_bucket, each
     * through its cluster index.
     */
    private Uni<List<QuestionCluster>> exact(List<Cluster> candidates, Instant from, Instant to) {
        Instant before = from.minus(Duration.between(from, to));
        List<Boolean> cur = new ArrayList<>();
        List<Boolean> whole = new ArrayList<>();
        List<OffsetDateTime> starts = new ArrayList<>();
        List<OffsetDateTime> ends = new ArrayList<>();
        for (boolean current : new boolean[] { false, true }) {
            Tiling t = current ? Tiling.of(from, to) : Tiling.of(before, from);
            for (Tiling.Range r : t.ranges()) {
                cur.add(current);
                whole.add(r.granularity().equals("day"));
                starts.add(odt(r.start()));
                ends.add(odt(r.end()));
            }
        }
        String sql = """
                select c.product_line, c.topic, c.signature, r.cur, sum(q.mentions) n, min(q.example) example
                from unnest($1::varchar[], $2::varchar[], $3::varchar[]) c(product_line, topic, signature)
                cross join unnest($4::boolean[], $5::boolean[], $6::timestamptz[], $7::timestamptz[]) r(cur, whole, s, e)
                cross join lateral (
                    select d.mentions, d.example from question_day d
                    where r.whole and d.signature = c.signature and d.product_line = c.product_line
                      and d.topic = c.topic and d.day >= r.s and d.day < r.e
                    union all
                    select b.mentions, b.example from question_bucket b
                    where not r.whole and b.signature = c.signature and b.product_line = c.product_line
                      and b.topic = c.topic and b.bucket >= r.s and b.bucket < r.e) q
                group by 1, 2, 3, 4""";
        Tuple args = Tuple.tuple(List.of(
                candidates.stream().map(Cluster::productLine).toArray(String[]::new),
                candidates.stream().map(Cluster::topic).toArray(String[]::new),
                candidates.stream().map(Cluster::signature).toArray(String[]::new),
                cur.toArray(Boolean[]::new), whole.toArray(Boolean[]::new),
                starts.toArray(OffsetDateTime[]::new), ends.toArray(OffsetDateTime[]::new)));
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            Map<Cluster, long[]> counts = new HashMap<>();
            Map<Cluster, String> examples = new HashMap<>();
            for (Row r : rows) {
                Cluster c = new Cluster(r.getString("product_line"), r.getString("topic"), r.getString("signature"));
                boolean current = r.getBoolean("cur");
                counts.computeIfAbsent(c, k -> new long[2])[current ? 0 : 1] = r.getLong("n");
                if (current) {
                    examples.put(c, r.getString("example"));
                }
            }
            List<QuestionCluster> out = new ArrayList<>();
            counts.forEach((c, n) -> {
                if (n[0] > 0) {
                    out.add(new QuestionCluster(c.productLine(), c.topic(), c.signature(), n[0], n[1], examples.get(c)));
                }
            });
            out.sort(Comparator.comparingLong(QuestionCluster::mentions).reversed()
                    .thenComparing(q -> new Cluster(q.productLine(), q.topic(), q.signature()), Cluster.ORDER));
            return out;
        });
    }

    private static List<OffsetDateTime> starts(List<Tiling.Block> blocks) {
        return blocks.stream().map(b -> odt(b.start())).toList();
    }
}
