package io.vigie.centres.repository;

import static io.vigie.centres.repository.MetricsWriter.odt;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.centres.domain.Figures.RisingTerm;
import io.vigie.centres.domain.Figures.Slice;
import io.vigie.centres.domain.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read side of the live metrics. Periods of up to two days read the per-minute buckets, longer ones the per-hour
 * buckets (their bounds truncated to the hour by the caller).
 */
@ApplicationScoped
public class MetricsQueries {

    /** Dimensions a volume can be broken down by (whitelist: they become column names). */
    public static final Set<String> DIMENSIONS = Set.of("network", "language", "topic", "product_line", "centre");
    /** Longest period read from the per-minute buckets. */
    public static final Duration MINUTE_BUCKETS_UP_TO = Duration.ofDays(2);

    /** One row of a series: the bucket, the dimension's value ('' when no dimension) and the sums. */
    public record Point(Instant bucket, String key, long mentions, long positive, long negative, double scoreSum) {
    }

    /** First response figures: percentiles in seconds, how many were answered and how many within their SLA. */
    public record Responses(Double p50, Double p90, long responded, long withSla, long metSla) {
    }

    /** Conversations closed in a period: resolution percentiles in seconds, mean sentiment delta, restated share. */
    public record Closures(long closed, Double p50, Double p90, Double meanDelta, Double restatedShare) {
    }

    /** Raw health figures of one brand space over a period. */
    public record SpaceRow(String space, String network, long mentions, long positive, long negative, double scoreSum,
            long conversations, long unanswered, Double firstResponseP50) {
    }

    /** Backlog of one centre and queue. */
    public record Backlog(String centre, String queue, long waiting, Instant oldestMessageAt) {
    }

    private final Pool pool;
    private final TermSpanSeal termSpans;

    public MetricsQueries(Pool pool, TermSpanSeal termSpans) {
        this.pool = pool;
        this.termSpans = termSpans;
    }

    /** The bucket size read for a period. */
    public static String granularity(Instant from, Instant to) {
        return Duration.between(from, to).compareTo(MINUTE_BUCKETS_UP_TO) <= 0 ? "minute" : "hour";
    }

    /**
     * Volume sums of a scope broken down by {@code dimension}, from the
     * per-dimension rollup (ADR 0092) read through the period's {@link Tiling} (ADR 0121: whole days from its day
     * rows, whole hours from its hour rows, minutes only at the edges): the centres of {@code *} are the centres' own
     * totals.
     */
    public Uni<List<Slice>> breakdown(String scope, Instant from, Instant to, String dimension) {
        return breakdowns(scope, from, to, List.of(dimension)).map(m -> m.get(dimension));
    }

    /**
     * The breakdowns of a scope by each of {@code dimensions}, as {@link #breakdown}, in one query (a report asks for
     * five: one round trip and one plan instead of five): each list busiest first.
     */
    public Uni<Map<String, List<Slice>>> breakdowns(String scope, Instant from, Instant to, List<String> dimensions) {
        Map<String, List<Slice>> out = new LinkedHashMap<>();
        List<String> rolled = new ArrayList<>();
        boolean byCentre = false;
        for (String d : dimensions) {
            column(d);
            out.put(d, new ArrayList<>());
            if ("*".equals(scope) && "centre".equals(d)) {
                byCentre = true;
            } else {
                rolled.add(rollupDimension(d));
            }
        }
        List<Tiling.Range> ranges = Tiling.of(from, to).ranges();
        if (ranges.isEmpty()) {
            return Uni.createFrom().item(out);
        }
        // $1 and $2 the scope and its rollup dimensions when any is asked ('*' by centre alone reads neither).
        List<Object> args = rolled.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(scope, rolled.toArray(String[]::new)));
        List<String> parts = new ArrayList<>();
        for (Tiling.Range r : ranges) {
            args.add(odt(r.start()));
            args.add(odt(r.end()));
            String range = "from volume_rollup where granularity = '" + r.granularity() + "' and bucket >= $"
                    + (args.size() - 1) + " and bucket < $" + args.size();
            if (!rolled.isEmpty()) {
                parts.add("select dimension d, case when dimension = '' then centre else key end k, mentions, positive, "
                        + "negative, score_sum " + range
                        + " and centre = $1 and dimension = any($2)");
            }
            if (byCentre) {
                parts.add("select 'centre' d, centre k, mentions, positive, negative, score_sum " + range
                        + " and centre <> '*' and dimension = ''");
            }
        }
        String sql = "select d, k, sum(mentions) m, sum(positive) p, sum(negative) n, sum(score_sum) s from ("
                + String.join(" union all ", parts) + ") x group by d, k order by d, m desc, k";
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            for (Row r : rows) {
                // The rollup's dimension '' holds the totals asked as "centre" of one centre.
                String d = r.getString("d").isEmpty() ? "centre" : r.getString("d");
                out.get(d).add(Slice.of(r.getString("k"), r.getLong("m"), r.getLong("p"), r.getLong("n"), r.getDouble("s")));
            }
            return out;
        });
    }

    /** Per-bucket sums of a scope, optionally broken down by a dimension, in bucket order (from the rollup). */
    public Uni<List<Point>> series(String scope, Instant from, Instant to, String granularity, String dimension) {
        if (dimension != null) {
            column(dimension);
        }
        boolean byCentre = "*".equals(scope) && "centre".equals(dimension);
        String sql = "select bucket, " + ("centre".equals(dimension) ? "centre" : "key") + " as k, sum(mentions) m, sum(positive) p, "
                + "sum(negative) n, sum(score_sum) s from volume_rollup where granularity = $1 and bucket >= $2 and bucket < $3 and "
                + (byCentre ? "centre <> '*' and dimension = ''" : "centre = $4 and dimension = $5")
                + " group by bucket, k order by bucket, k";
        Tuple args = byCentre ? Tuple.of(granularity, odt(from), odt(to))
                : Tuple.of(granularity, odt(from), odt(to), scope, dimension == null ? "" : rollupDimension(dimension));
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Point> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Point(r.getOffsetDateTime("bucket").toInstant(), r.getString("k"), r.getLong("m"),
                        r.getLong("p"), r.getLong("n"), r.getDouble("s")));
            }
            return out;
        });
    }

    /** The rollup rows of a dimension: by centre reads each centre's totals (dimension ''), keyed by the centre column. */
    private static String rollupDimension(String dimension) {
        return "centre".equals(dimension) ? "" : dimension;
    }

    /**
     * One row per bucket, network, language and topic of a scope (the CSV export), in that order, read through a
     * server-side cursor {@code fetchSize} rows at a time as the subscriber asks for them: memory stays bounded
     * whatever the period. The cursor lives in a read-only transaction on a connection of its own, rolled back and
     * released when the stream completes, fails or is cancelled (a client that goes away).
     */
    public Multi<Row> rows(String scope, Instant from, Instant to, String granularity, int fetchSize) {
        String sql = """
                select bucket, network, language, topic, sum(mentions) m, sum(positive) p, sum(negative) n, sum(score_sum) s
                from volume_bucket where granularity = $1 and bucket >= $2 and bucket < $3 and centre = $4
                group by bucket, network, language, topic order by bucket, network, language, topic""";
        Tuple args = Tuple.of(granularity, odt(from), odt(to), scope);
        return Multi.createFrom().resourceFromUni(() -> pool.getConnection().chain(conn -> conn.begin()
                .map(tx -> new Cursor(conn, tx)).onFailure().call(conn::close)),
                cursor -> cursor.conn().prepare(sql).onItem()
                        .transformToMulti(statement -> statement.createStream(fetchSize, args).toMulti()))
                .withFinalizer(MetricsQueries::release);
    }

    private static Uni<Void> release(Cursor cursor) {
        return cursor.tx().rollback().onFailure().recoverWithNull().chain(() -> cursor.conn().close());
    }

    /** A connection and the transaction its cursor lives in. */
    private record Cursor(SqlConnection conn, Transaction tx) {
    }

    /**
     * First response times of the conversations first answered in the period ({@code centre} null = all), read
     * through the period's {@link Tiling}: whole UTC days and hours from the per-day and per-hour rollups (ADRs 0110,
     * 0121; migrations V11, V15), the minutes before its first and after its last whole hour from the conversations.
     * Counts are exact; the percentiles are those of the duration histogram ({@link #percentile}).
     */
    public Uni<Responses> responses(String centre, Instant from, Instant to) {
        String edge = """
                select count(*) filter (where sla_due_at is not null), count(*) filter (where first_response_at <= sla_due_at)
                from conversation_fact where first_message_at is not null and ($7::text is null or centre = $7)
                  and first_response_at >= %s and first_response_at < %s""";
        String sums = "select coalesce(sum(with_sla), 0)::bigint with_sla, coalesce(sum(met_sla), 0)::bigint met from ("
                + rolled("with_sla, met_sla", "conversation", "responded <> 0 and ($7::text is null or centre = $7)")
                + " union all " + edge.formatted("$1", "$2") + " union all " + edge.formatted("$5", "$6") + ") x";
        Tuple args = tilingArgs(from, to, centre);
        Uni<long[]> histogram = histogram("first_response", "first_response_at", "first_message_at is not null", args);
        Uni<Row> counts = pool.preparedQuery(sums).execute(args).map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(histogram, counts).asTuple().map(t -> {
            long[] h = t.getItem1();
            Row r = t.getItem2();
            return new Responses(percentile(h, 0.5), percentile(h, 0.9), total(h), r.getLong("with_sla"),
                    r.getLong("met"));
        });
    }

    /**
     * The arguments of a read through the tiling of [from, to): $1 from, $2 its first whole hour, $3 its first whole
     * day, $4 the end of its whole days, $5 the end of its whole hours, $6 to, $7 the centre (null = all).
     */
    private static Tuple tilingArgs(Instant from, Instant to, String centre) {
        Tiling t = Tiling.of(from, to);
        return Tuple.from(new Object[] { odt(t.from()), odt(t.firstHour()), odt(t.firstDay()), odt(t.endDay()),
                odt(t.endHour()), odt(t.to()), centre });
    }

    /**
     * The {@code columns} of the rollup {@code table}{@code _day} over the whole days [$3, $4) and of
     * {@code table}{@code _hour} over the whole hours [$2, $3) and [$4, $5), where {@code condition} holds.
     */
    private static String rolled(String columns, String table, String condition) {
        return "select " + columns + " from " + table + "_day where day >= $3 and day < $4 and " + condition
                + " union all select " + columns + " from " + table + "_hour where hour >= $2 and hour < $3 and " + condition
                + " union all select " + columns + " from " + table + "_hour where hour >= $4 and hour < $5 and " + condition;
    }

    /** Ratio of two consecutive duration buckets (ADR 0110): each bucket's value is within 2 % of its durations. */
    public static final double BUCKET_RATIO = 1.02 / 0.98;
    /** The bucket of durations under 1 ms (negative ones included), read as 0 s. */
    public static final int ZERO_BUCKET = -1000;

    /** The value of a duration bucket, in seconds: 2 g^i / (g + 1), within 2 % of every duration in (g^(i-1), g^i]. */
    public static double bucketValue(int bucket) {
        return bucket == ZERO_BUCKET ? 0 : 2 * Math.pow(BUCKET_RATIO, bucket) / (BUCKET_RATIO + 1);
    }

    /**
     * The {@code p} quantile of a histogram given as (bucket, count) pairs in bucket order: the value of the bucket
     * holding the duration of rank ceil(p n) (nearest rank, as {@code percentile_disc}), so within 2 % of that
     * duration (0 for durations under 1 ms); null when empty.
     */
    static Double percentile(long[] histogram, double p) {
        long n = total(histogram);
        if (n <= 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i < histogram.length; i += 2) {
            seen += histogram[i + 1];
            if (seen >= rank) {
                return bucketValue((int) histogram[i]);
            }
        }
        return bucketValue((int) histogram[histogram.length - 2]);
    }

    private static long total(long[] histogram) {
        long n = 0;
        for (int i = 1; i < histogram.length; i += 2) {
            n += histogram[i];
        }
        return n;
    }

    /**
     * The duration histogram of {@code kind} over [$1, $6) (arguments of {@link #tilingArgs}): whole days and hours
     * from the rollups (their rows of centre {@code *} when $7 is null, V15), the minutes at the edges bucketed from
     * the conversations by the same function; (bucket, count) pairs in bucket order.
     */
    private Uni<long[]> histogram(String kind, String at, String condition, Tuple args) {
        String duration = "duration_bucket(extract(epoch from " + at + " - first_message_at))";
        String edge = "select " + duration + " b, count(*) n from conversation_fact where " + condition
                + " and ($7::text is null or centre = $7) and " + at + " >= %s and " + at + " < %s group by 1";
        String sql = "select b, sum(n)::bigint n from (" + rolled("bucket b, conversations n", "conversation_time",
                "kind = '" + kind + "' and centre = coalesce($7::text, '*')") + " union all " + edge.formatted("$1", "$2")
                + " union all " + edge.formatted("$5", "$6") + ") x group by b having sum(n) <> 0 order by b";
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<Row> list = new ArrayList<>(rows.size());
            rows.forEach(list::add);
            return pairs(list);
        });
    }

    /** Histogram rows (columns b and n, in bucket order) as (bucket, count) pairs, for {@link #percentile}. */
    private static long[] pairs(List<Row> rows) {
        long[] out = new long[rows.size() * 2];
        int i = 0;
        for (Row r : rows) {
            out[i++] = r.getInteger("b");
            out[i++] = r.getLong("n");
        }
        return out;
    }

    /**
     * Every space heard or with conversations in the period, busiest first, read through the period's {@link Tiling}
     * (ADR 0121, migration V19): volume from space_bucket's minute rows at the edges, hour rows up to the whole days
     * and day rows; the conversations whose first message is in the period, how many are unanswered and the
     * histogram of their first response times from the spaces' hour and day rollups, the minutes at the edges from
     * the conversations. Counts are exact; the median first response is the histogram's ({@link #percentile}).
     */
    public Uni<List<SpaceRow>> spaces(Instant from, Instant to) {
        Tiling t = Tiling.of(from, to);
        Tuple args = Tuple.from(new Object[] { odt(t.from()), odt(t.firstHour()), odt(t.firstDay()), odt(t.endDay()),
                odt(t.endHour()), odt(t.to()) });
        String bucket = "select space, network, mentions, positive, negative, score_sum from space_bucket "
                + "where granularity = '%s' and bucket >= %s and bucket < %s";
        String volume = "select space, min(network) network, sum(mentions)::bigint m, sum(positive)::bigint p, "
                + "sum(negative)::bigint n, sum(score_sum) s from (" + bucket.formatted("minute", "$1", "$2")
                + " union all " + bucket.formatted("hour", "$2", "$3") + " union all " + bucket.formatted("day", "$3", "$4")
                + " union all " + bucket.formatted("hour", "$4", "$5") + " union all " + bucket.formatted("minute", "$5", "$6")
                + ") x group by space";
        String edge = "select space, network, 1 conversations, (first_response_at is null and coalesce(state, '') not in "
                + "('closed', 'resolved'))::int unanswered from conversation_fact where space is not null "
                + "and first_message_at >= %s and first_message_at < %s";
        String conversations = "select space, min(network) network, sum(conversations)::bigint conv, "
                + "sum(unanswered)::bigint unanswered from (" + rolled("space, network, conversations, unanswered",
                        "space_conversation", "true")
                + " union all " + edge.formatted("$1", "$2") + " union all " + edge.formatted("$5", "$6")
                + ") x group by space having sum(conversations) <> 0";
        String responseEdge = "select space, duration_bucket(extract(epoch from first_response_at - first_message_at)) b, "
                + "1 n from conversation_fact where space is not null and first_response_at is not null "
                + "and first_message_at >= %s and first_message_at < %s";
        // The histograms' whole hours and days as spans and single hours and days, as the rising terms' (V19).
        // $1-$4: the minutes at the edges, [from, first whole hour) and [end of the whole hours, to).
        List<Object> histogramArgs = new ArrayList<>(List.of(odt(t.from()), odt(t.firstHour()), odt(t.endHour()), odt(t.to())));
        List<String> parts = new ArrayList<>(List.of(responseEdge.formatted("$1", "$2"), responseEdge.formatted("$3", "$4")));
        String select = "select space, bucket b, conversations n from ";
        blockParts(t.hourBlocks(), select, "space_response_hour where hour", "space_response_hour_span where hours = %d and start",
                parts, histogramArgs);
        blockParts(t.dayBlocks(Tiling.SPACE_SPANS), select, "space_response_day where day", "space_response_span where days = %d and start",
                parts, histogramArgs);
        String responses = "select space, b, sum(n)::bigint n from (" + String.join(" union all ", parts)
                + ") x group by space, b having sum(n) <> 0 order by space, b";
        Uni<RowSet<Row>> v = pool.preparedQuery(volume).execute(args);
        Uni<RowSet<Row>> c = pool.preparedQuery(conversations).execute(args);
        Uni<RowSet<Row>> h = pool.preparedQuery(responses).execute(Tuple.from(histogramArgs));
        return Uni.combine().all().unis(v, c, h).asTuple().map(x -> {
            Map<String, List<Row>> bySpace = new LinkedHashMap<>();
            for (Row r : x.getItem3()) {
                bySpace.computeIfAbsent(r.getString("space"), k -> new ArrayList<>()).add(r);
            }
            Map<String, long[]> histograms = new LinkedHashMap<>();
            bySpace.forEach((space, rows) -> histograms.put(space, pairs(rows)));
            Map<String, Row> conv = new LinkedHashMap<>();
            for (Row r : x.getItem2()) {
                conv.put(r.getString("space"), r);
            }
            List<SpaceRow> out = new ArrayList<>();
            for (Row r : x.getItem1()) {
                out.add(spaceRow(r.getString("space"), r.getString("network"), r, conv.remove(r.getString("space")),
                        histograms));
            }
            conv.forEach((space, r) -> out.add(spaceRow(space, r.getString("network"), null, r, histograms)));
            out.sort(java.util.Comparator.comparingLong(SpaceRow::mentions).reversed()
                    .thenComparing(java.util.Comparator.comparingLong(SpaceRow::conversations).reversed())
                    .thenComparing(SpaceRow::space));
            return out;
        });
    }

    private static SpaceRow spaceRow(String space, String network, Row volume, Row conversations,
            Map<String, long[]> histograms) {
        long[] h = histograms.get(space);
        return new SpaceRow(space, network, volume == null ? 0 : volume.getLong("m"), volume == null ? 0 : volume.getLong("p"),
                volume == null ? 0 : volume.getLong("n"), volume == null ? 0 : volume.getDouble("s"),
                conversations == null ? 0 : conversations.getLong("conv"),
                conversations == null ? 0 : conversations.getLong("unanswered"), h == null ? null : percentile(h, 0.5));
    }

    /**
     * Conversations closed in the period ({@code centre} null = all), read like {@link #responses}: counts, mean
     * sentiment delta and restated share exact, resolution percentiles from the duration histogram.
     */
    public Uni<Closures> closures(String centre, Instant from, Instant to) {
        String edge = """
                select count(*) closed, coalesce(sum(sentiment_delta::numeric), 0) delta_sum, count(sentiment_delta) delta_count,
                       count(*) filter (where restated) restated
                from conversation_fact where ($7::text is null or centre = $7) and closed_at >= %s and closed_at < %s""";
        String sums = "select coalesce(sum(closed), 0)::bigint closed, coalesce(sum(delta_sum), 0)::float8 delta_sum, "
                + "coalesce(sum(delta_count), 0)::bigint delta_count, coalesce(sum(restated), 0)::bigint restated from ("
                + rolled("closed, delta_sum, delta_count, restated", "conversation", "closed <> 0 and ($7::text is null or centre = $7)")
                + " union all " + edge.formatted("$1", "$2") + " union all " + edge.formatted("$5", "$6") + ") x";
        Tuple args = tilingArgs(from, to, centre);
        Uni<long[]> histogram = histogram("resolution", "closed_at", "first_message_at is not null", args);
        Uni<Row> counts = pool.preparedQuery(sums).execute(args).map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(histogram, counts).asTuple().map(t -> {
            long[] h = t.getItem1();
            Row r = t.getItem2();
            long closed = r.getLong("closed");
            long deltas = r.getLong("delta_count");
            return new Closures(closed, percentile(h, 0.5), percentile(h, 0.9),
                    deltas == 0 ? null : r.getDouble("delta_sum") / deltas,
                    closed == 0 ? null : (double) r.getLong("restated") / closed);
        });
    }

    /**
     * Conversations waiting for a first response, per centre and queue ({@code centre} null = all): the counts kept
     * by a trigger (ADR 0111, migration V12), the oldest message of each from the first entry of the partial index
     * {@code conversation_fact_waiting} (a queue '' stands for no queue too, as the counter groups them).
     */
    public Uni<List<Backlog>> backlog(String centre) {
        String waiting = "first_response_at is null and state in ('new', 'queued', 'assigned') and centre is not null";
        String sql = "select b.centre, b.queue q, b.waiting, least("
                + "(select min(first_message_at) from conversation_fact c where c.centre = b.centre and c.queue = b.queue and " + waiting + "), "
                + "(select min(first_message_at) from conversation_fact c where b.queue = '' and c.centre = b.centre and c.queue is null and " + waiting + ")"
                + ") oldest from backlog_count b where b.waiting <> 0 and ($1::text is null or b.centre = $1) order by b.centre, b.queue";
        return pool.preparedQuery(sql).execute(Tuple.of(centre)).map(rows -> {
            List<Backlog> out = new ArrayList<>();
            for (Row r : rows) {
                var oldest = r.getOffsetDateTime("oldest");
                out.add(new Backlog(r.getString("centre"), r.getString("q"), r.getLong("waiting"),
                        oldest == null ? null : oldest.toInstant()));
            }
            return out;
        });
    }

    /** Agents online per centre. */
    public Uni<Map<String, Integer>> agentsOnline() {
        return pool.query("select centre, count(*) n from agent_presence where status = 'online' group by centre")
                .execute().map(rows -> {
                    Map<String, Integer> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("centre"), r.getLong("n").intValue());
                    }
                    return out;
                });
    }

    /**
     * Replies of the period by delivery status ('' while unknown) ({@code centre} null = all): whole UTC days and
     * hours from the per-day and per-hour counts (ADRs 0112, 0121; V13, V15), the minutes at the edges from the
     * replies; exact.
     */
    public Uni<Map<String, Long>> replies(String centre, Instant from, Instant to) {
        String edge = "select coalesce(status, '') s, count(*) n from reply_fact where counted and created_at >= %s "
                + "and created_at < %s and ($7::text is null or centre = $7) group by 1";
        String sql = "select s, sum(n)::bigint n from (" + rolled("status s, replies n", "reply",
                "($7::text is null or centre = $7)") + " union all " + edge.formatted("$1", "$2") + " union all "
                + edge.formatted("$5", "$6") + ") x group by s having sum(n) <> 0 order by s";
        return pool.preparedQuery(sql).execute(tilingArgs(from, to, centre))
                .map(rows -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("s"), r.getLong("n"));
                    }
                    return out;
                });
    }

    /**
     * Terms with at least {@code minCount} mentions in the period, by growth against the previous period of the
     * same length: (count + 1) / (previous + 1), then by count. Both periods are read through their {@link Tiling}
     * (ADRs 0101, 0121): minute buckets at their edges, the whole hours up to their whole days as spans of 12 and 4
     * hours (term_hour_span) and single hours, and the whole days as spans of 64, 16 and 4 days (term_span) and single
     * days (term_day). The sums are the same as the minute
     * buckets', from a few thousand rows per span instead of one row per term and minute, hour or day.
     */
    public Uni<List<RisingTerm>> risingTerms(Instant from, Instant to, int minCount, int limit) {
        return termSpans.sealedUntil().chain(days -> termSpans.hoursSealedUntil()
                .chain(hours -> risingTerms(from, to, minCount, limit, days, hours)));
    }

    private Uni<List<RisingTerm>> risingTerms(Instant from, Instant to, int minCount, int limit, Instant daysSealed,
            Instant hoursSealed) {
        Instant before = from.minus(Duration.between(from, to));
        List<Object> args = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        termParts(Tiling.of(before, from), false, daysSealed, hoursSealed, parts, args);
        termParts(Tiling.of(from, to), true, daysSealed, hoursSealed, parts, args);
        if (parts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        args.add((long) minCount);
        args.add((long) limit);
        String sql = "with src as (" + String.join(" union all ", parts) + "), "
                + "agg as (select term, sum(mentions) filter (where cur) n, coalesce(sum(mentions) filter (where not cur), 0) p "
                + "from src group by term) "
                + "select term, n, p, (n + 1.0) / (p + 1.0) ratio from agg where n >= $" + (args.size() - 1)
                + " order by ratio desc, n desc, term limit $" + args.size();
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(MetricsQueries::risingTerms);
    }

    /**
     * The selects of the term rows of one period, flagged {@code cur}: each minute range one select through the key
     * of term_bucket, which carries the sums (V22; one range per select, not ORed ranges, which become bitmap heap scans), the whole hours
     * and days as blocks (single hours and days, spans of hours and days), the blocks of one length in one select
     * through its table's key: term_bucket (granularity, bucket, term), term_hour_span (hours, start, term), term_day
     * (day, term) or term_span (days, start, term); spans of days only before {@code spansUntil}, the end of the days
     * whose spans are written (ADR 0133), days and spans of hours only before {@code hoursUntil}, the end of the hours
     * whose days and spans are written (ADR 0138): the days from the day of {@code hoursUntil} on are read as hours.
     */
    private static void termParts(Tiling period, boolean cur, Instant spansUntil, Instant hoursUntil, List<String> parts,
            List<Object> args) {
        Tiling tiling = period.daysBefore(hoursUntil);
        for (Tiling.Range r : tiling.ranges()) {
            if (r.granularity().equals("minute")) {
                args.add(odt(r.start()));
                args.add(odt(r.end()));
                parts.add("select term, mentions, " + cur + " cur from term_bucket where granularity = 'minute' and bucket >= $"
                        + (args.size() - 1) + " and bucket < $" + args.size());
            }
        }
        String select = "select term, mentions, " + cur + " cur from ";
        blockParts(tiling.hourBlocks(Tiling.HOUR_SPANS, hoursUntil), select, "term_bucket where granularity = 'hour' and bucket",
                "term_hour_span where hours = %d and start", parts, args);
        blockParts(tiling.dayBlocks(Tiling.TERM_SPANS, spansUntil), select, "term_day where day",
                "term_span where days = %d and start", parts, args);
    }

    /**
     * One select per block length, {@code select} followed by {@code single} for blocks of length 1, by {@code span}
     * (given the length) otherwise, and {@code = any(}the blocks' starts{@code )}.
     */
    private static void blockParts(List<Tiling.Block> blocks, String select, String single, String span, List<String> parts,
            List<Object> args) {
        Map<Integer, List<java.time.OffsetDateTime>> starts = new java.util.TreeMap<>();
        for (Tiling.Block b : blocks) {
            starts.computeIfAbsent(b.length(), k -> new ArrayList<>()).add(odt(b.start()));
        }
        starts.forEach((length, at) -> {
            args.add(at.toArray(java.time.OffsetDateTime[]::new));
            parts.add(select + (length == 1 ? single : span.formatted(length)) + " = any($" + args.size() + ")");
        });
    }

    private static List<RisingTerm> risingTerms(RowSet<Row> rows) {
        List<RisingTerm> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new RisingTerm(r.getString("term"), r.getLong("n"), r.getLong("p"),
                    Math.round(r.getDouble("ratio") * 100d) / 100d));
        }
        return out;
    }

    /** Incidents, active ones only when asked, latest first, with the texts of their sample posts. */
    public Uni<List<Incident>> incidents(String centre, boolean activeOnly, int limit) {
        String sql = """
                select i.*, (select array_agg(m.text order by m.created_at) from mention_seen m
                             where m.source = 'scored' and m.mention_key = any(string_to_array(i.sample_mentions, E'\\n'))) texts
                from incident i
                where ($1::text is null or i.centre = $1 or i.centre is null) and (not $2 or (i.status <> 'resolved' and i.workflow <> 'closed'))
                order by i.emitted_at desc limit $3""";
        return pool.preparedQuery(sql).execute(Tuple.of(centre, activeOnly, limit)).map(rows -> {
            List<Incident> out = new ArrayList<>();
            for (Row r : rows) {
                String[] texts = r.getArrayOfStrings("texts");
                out.add(new Incident(r.getString("id"), r.getString("status"), r.getString("subject_kind"),
                        r.getString("subject"), r.getString("centre"), r.getString("language"), r.getString("network"),
                        r.getString("severity"), instant(r, "started_at"), nz(r.getDouble("observed")),
                        nz(r.getDouble("expected")), lines(r.getString("top_terms")),
                        texts == null ? List.of() : Arrays.asList(texts), instant(r, "emitted_at"),
                        r.getString("workflow"), r.getLong("mentions"), lines(r.getString("related"))));
            }
            return out;
        });
    }

    /** Incidents not resolved ({@code centre} null = all). */
    public Uni<Long> activeIncidents(String centre) {
        return pool.preparedQuery("select count(*) n from incident where status <> 'resolved' and workflow <> 'closed' and ($1::text is null or centre = $1)")
                .execute(Tuple.of(centre)).map(rows -> rows.iterator().next().getLong("n"));
    }

    private static String column(String dimension) {
        if (dimension == null || !DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("unknown dimension " + dimension + "; one of " + DIMENSIONS);
        }
        return dimension;
    }

    private static Instant instant(Row r, String column) {
        var t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
