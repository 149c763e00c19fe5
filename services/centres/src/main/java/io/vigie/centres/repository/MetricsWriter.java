package io.vigie.centres.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.events.AgentPresence;
import io.vigie.centres.domain.Terms;
import io.vigie.events.Alert;
import io.vigie.events.ConversationClosed;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Reply;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Write side of the live metrics: upserts into the per-minute and per-hour buckets and the fact tables, each
 * event (or each batch of scored mentions, ADR 0091) in one transaction and counted once (ledgers keyed by natural
 * ids absorb redeliveries, ADR 0003).
 * Plain SQL through the reactive client, because every write is an {@code insert ... on conflict} upsert.
 */
@ApplicationScoped
public class MetricsWriter {

    /** Centre value of the buckets that count every mention heard. */
    public static final String ALL = "*";
    /** The two bucket sizes kept. */
    public static final List<ChronoUnit> GRANULARITIES = List.of(ChronoUnit.MINUTES, ChronoUnit.HOURS);

    private static final String TERM = """
            insert into term_bucket as t (granularity, bucket, term, mentions) values ($1, $2, $3, 1)
            on conflict (granularity, bucket, term) do update set mentions = t.mentions + 1""";
    private static final String SPACE = """
            insert into space_bucket as b (granularity, bucket, space, network, mentions, positive, negative, score_sum)
            values ($1, $2, $3, $4, 1, $5, $6, $7)
            on conflict (granularity, bucket, space) do update set mentions = b.mentions + 1,
                positive = b.positive + excluded.positive, negative = b.negative + excluded.negative,
                score_sum = b.score_sum + excluded.score_sum""";
    private static final String QUESTION = """
            insert into question_bucket as q (bucket, product_line, topic, signature, mentions, example)
            values ($1, $2, $3, $4, 1, $5)
            on conflict (bucket, product_line, topic, signature) do update set mentions = q.mentions + 1""";
    private static final String SEEN = """
            insert into mention_seen (source, mention_key, created_at, text) values ($1, $2, $3, $4)
            on conflict do nothing""";
    /**
     * The conversations placed by a poll of routing decisions, one row per conversation, in one statement (as ADR 0125 batches the rest of a poll):
     * the rows a decision at a time would leave. Of the decisions of one conversation, the latest routed (the later
     * one on a tie) gives centre, queue and state; the first non-null value gives network, language, topic, SLA and
     * space; the earliest first message and the latest routing time are kept. The stored row then merges by the same
     * rules, the stored values first.
     */
    private static final String CONVERSATION_BATCH = """
            insert into conversation_fact as c (id, centre, network, language, topic, queue, state,
                first_message_at, sla_due_at, routed_at, space)
            select id,
                (array_agg(centre order by routed_at desc nulls last, n desc))[1],
                (array_agg(network order by n) filter (where network is not null))[1],
                (array_agg(language order by n) filter (where language is not null))[1],
                (array_agg(topic order by n) filter (where topic is not null))[1],
                (array_agg(queue order by routed_at desc nulls last, n desc))[1],
                (array_agg(state order by routed_at desc nulls last, n desc))[1],
                min(first_message_at),
                (array_agg(sla_due_at order by n) filter (where sla_due_at is not null))[1],
                max(routed_at),
                (array_agg(space order by n) filter (where space is not null))[1]
            from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                $7::varchar[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::varchar[])
                with ordinality as u(id, centre, network, language, topic, queue, state, first_message_at,
                    sla_due_at, routed_at, space, n)
            group by id
            order by id
            on conflict (id) do update set
                space = coalesce(c.space, excluded.space),
                centre = case when c.routed_at is null or excluded.routed_at >= c.routed_at then excluded.centre else c.centre end,
                queue = case when c.routed_at is null or excluded.routed_at >= c.routed_at then excluded.queue else c.queue end,
                state = case when c.routed_at is null or excluded.routed_at >= c.routed_at then excluded.state else c.state end,
                routed_at = greatest(c.routed_at, excluded.routed_at),
                network = coalesce(c.network, excluded.network),
                language = coalesce(c.language, excluded.language),
                topic = coalesce(c.topic, excluded.topic),
                first_message_at = least(c.first_message_at, excluded.first_message_at),
                sla_due_at = coalesce(c.sla_due_at, excluded.sla_due_at)""";
    private static final Class<?>[] PLACEMENT_COLUMNS = { String.class, String.class, String.class, String.class,
            String.class, String.class, String.class, OffsetDateTime.class, OffsetDateTime.class, OffsetDateTime.class,
            String.class };
    private static final String REPLY = """
            insert into reply_fact as r (reply_id, conversation_id, centre, network, created_at, counted)
            values ($1, $2, $3, $4, $5, true)
            on conflict (reply_id) do update set conversation_id = excluded.conversation_id, centre = excluded.centre,
                network = excluded.network, created_at = excluded.created_at, counted = true
            where r.counted = false
            returning reply_id""";
    private static final String FIRST_RESPONSE = """
            insert into conversation_fact as c (id, centre, network, first_response_at, replies)
            values ($1, $2, $3, $4, 1)
            on conflict (id) do update set
                centre = coalesce(c.centre, excluded.centre),
                network = coalesce(c.network, excluded.network),
                first_response_at = least(c.first_response_at, excluded.first_response_at),
                replies = c.replies + 1""";
    private static final String RECEIPT = """
            insert into reply_fact as r (reply_id, conversation_id, created_at, status, status_at, counted)
            values ($1, $2, $3, $4, $3, false)
            on conflict (reply_id) do update set status = excluded.status, status_at = excluded.status_at
            where r.status_at is null or r.status_at <= excluded.status_at""";
    private static final String CLOSED = """
            insert into conversation_fact as c (id, centre, network, language, topic, state, first_message_at,
                closed_at, sentiment_delta, restated)
            values ($1, $2, $3, $4, $5, 'closed', $6, $7, $8, $9)
            on conflict (id) do update set
                centre = coalesce(c.centre, excluded.centre), network = coalesce(c.network, excluded.network),
                language = coalesce(c.language, excluded.language), topic = coalesce(c.topic, excluded.topic),
                state = 'closed', first_message_at = least(c.first_message_at, excluded.first_message_at),
                closed_at = excluded.closed_at, sentiment_delta = excluded.sentiment_delta, restated = excluded.restated
            where c.closed_at is null or c.closed_at <= excluded.closed_at""";
    private static final String INCIDENT = """
            insert into incident as i (id, status, subject_kind, subject, centre, language, network, severity,
                started_at, observed, expected, top_terms, sample_mentions, emitted_at, revision, workflow, mentions,
                related)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            on conflict (id) do update set status = excluded.status, subject_kind = excluded.subject_kind,
                subject = excluded.subject, centre = excluded.centre, language = excluded.language,
                network = excluded.network, severity = excluded.severity, started_at = excluded.started_at,
                observed = excluded.observed, expected = excluded.expected, top_terms = excluded.top_terms,
                sample_mentions = excluded.sample_mentions, emitted_at = excluded.emitted_at,
                revision = excluded.revision, workflow = excluded.workflow, mentions = excluded.mentions,
                related = excluded.related
            where i.revision < excluded.revision or (i.revision = excluded.revision and i.emitted_at <= excluded.emitted_at)""";
    private static final String PRESENCE = """
            insert into agent_presence as a (agent_id, centre, status, capacity, at) values ($1, $2, $3, $4, $5)
            on conflict (agent_id) do update set centre = excluded.centre, status = excluded.status,
                capacity = excluded.capacity, at = excluded.at
            where a.at <= excluded.at""";

    private static final String SEEN_BATCH = """
            insert into mention_seen (source, mention_key, created_at, text)
            select $1, k, c, t from unnest($2::varchar[], $3::timestamptz[], $4::varchar[]) as u(k, c, t)
            on conflict do nothing returning mention_key""";
    private static final String VOLUME_BATCH = """
            insert into volume_bucket as v (granularity, bucket, centre, network, language, topic, product_line,
                mentions, positive, negative, score_sum)
            select * from unnest($1::varchar[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::varchar[],
                $6::varchar[], $7::varchar[], $8::bigint[], $9::bigint[], $10::bigint[], $11::float8[])
            on conflict (granularity, centre, bucket, network, language, topic, product_line) do update set
                mentions = v.mentions + excluded.mentions, positive = v.positive + excluded.positive,
                negative = v.negative + excluded.negative, score_sum = v.score_sum + excluded.score_sum""";
    private static final String TERM_BATCH = """
            insert into term_bucket as t (granularity, bucket, term, mentions)
            select * from unnest($1::varchar[], $2::timestamptz[], $3::varchar[], $4::bigint[])
            on conflict (granularity, bucket, term) do update set mentions = t.mentions + excluded.mentions""";
    private static final String SPACE_BATCH = """
            insert into space_bucket as b (granularity, bucket, space, network, mentions, positive, negative, score_sum)
            select * from unnest($1::varchar[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::bigint[],
                $6::bigint[], $7::bigint[], $8::float8[])
            on conflict (granularity, bucket, space) do update set mentions = b.mentions + excluded.mentions,
                positive = b.positive + excluded.positive, negative = b.negative + excluded.negative,
                score_sum = b.score_sum + excluded.score_sum""";
    private static final String QUESTION_BATCH = """
            insert into question_bucket as q (bucket, product_line, topic, signature, mentions, example)
            select * from unnest($1::timestamptz[], $2::varchar[], $3::varchar[], $4::varchar[], $5::bigint[],
                $6::varchar[])
            on conflict (bucket, product_line, topic, signature) do update set mentions = q.mentions + excluded.mentions""";

    private final Pool pool;

    public MetricsWriter(Pool pool) {
        this.pool = pool;
    }

    /** Counts a mention heard (centre {@code *}) and its terms; false when it was counted before. */
    public Uni<Boolean> scored(ScoredMention s, Collection<String> terms) {
        Instant at = s.mention().createdAt();
        return pool.withTransaction(conn -> seen(conn, "scored", s).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().item(false);
            }
            Uni<Void> all = volume(conn, ALL, s).chain(() -> space(conn, s)).chain(() -> question(conn, s));
            for (ChronoUnit unit : GRANULARITIES) {
                for (String term : terms) {
                    all = all.chain(() -> conn.preparedQuery(TERM).execute(Tuple.of(name(unit), bucket(at, unit), term))
                            .replaceWithVoid());
                }
            }
            return all.replaceWith(true);
        }));
    }

    /**
     * Counts a batch of mentions heard in one transaction, with the same rows and sums as {@link #scored} called for
     * each in turn: the ledger takes the new ones (a key seen before, or twice in the batch, counts once: the first
     * occurrence), their buckets are summed in memory and written by one multi-row upsert per table, in key order
     * (a stable lock order). The first mention of a new space or question bucket sets its network or example, as one
     * by one. Returns how many mentions were new.
     */
    public Uni<Integer> scoredBatch(List<ScoredMention> batch) {
        List<ScoredMention> distinct = firstOfEachKey(batch, s -> s);
        return pool.withTransaction(conn -> seenBatch(conn, "scored", distinct).chain(fresh -> {
            List<ScoredMention> counted = distinct.stream().filter(s -> fresh.contains(s.mention().key())).toList();
            if (counted.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            BatchSums sums = BatchSums.of(counted);
            return upsert(conn, VOLUME_BATCH, sums.volume, VOLUME_COLUMNS, Sum::volumeRow)
                    .chain(() -> upsert(conn, TERM_BATCH, sums.terms, TERM_COLUMNS, Sum::termRow))
                    .chain(() -> upsert(conn, SPACE_BATCH, sums.spaces, SPACE_COLUMNS, Sum::spaceRow))
                    .chain(() -> upsert(conn, QUESTION_BATCH, sums.questions, QUESTION_COLUMNS, Sum::questionRow))
                    .replaceWith(counted.size());
        }));
    }

    /**
     * Records a poll of routing decisions in one transaction, with the same rows as {@link #routed} called for each
     * in turn: the conversations' placements (one statement, which merges a conversation placed twice in the poll
     * as two statements would: the later placement wins), then the messages new to the {@code routed} ledger (the
     * first decision of each message key decides, as one by one) counted for their centre by one multi-row upsert.
     * One statement instead of two per decision on {@code volume_bucket} matters because each fires the rollups'
     * statement triggers (V17).
     */
    public Uni<Void> routedBatch(List<RoutingDecision> batch) {
        Object[] placements = columns(PLACEMENT_COLUMNS, batch.stream().map(MetricsWriter::placement).toList());
        List<RoutingDecision> firsts = firstOfEachKey(batch.stream().filter(d -> d.message() != null).toList(),
                RoutingDecision::message);
        return pool.withTransaction(conn -> conn.preparedQuery(CONVERSATION_BATCH).execute(Tuple.from(placements))
                .chain(() -> seenBatch(conn, "routed", firsts.stream().map(RoutingDecision::message).toList()))
                .chain(fresh -> {
                    SortedMap<String, Sum> volume = new TreeMap<>();
                    for (RoutingDecision d : firsts) {
                        if (d.centre() != null && fresh.contains(d.message().mention().key())) {
                            BatchSums.addVolume(volume, d.message(), d.centre());
                        }
                    }
                    return upsert(conn, VOLUME_BATCH, volume, VOLUME_COLUMNS, Sum::volumeRow);
                }));
    }

    /** The first item of each mention key, in their order (a key twice in a poll counts once: the first). */
    private static <T> List<T> firstOfEachKey(List<T> items, Function<T, ScoredMention> mention) {
        Map<String, T> byKey = new LinkedHashMap<>();
        for (T item : items) {
            byKey.putIfAbsent(mention.apply(item).mention().key(), item);
        }
        return new ArrayList<>(byKey.values());
    }

    /** Adds distinct mentions to a ledger in one statement; answers the keys it did not hold before. */
    private static Uni<Set<String>> seenBatch(SqlConnection conn, String source, List<ScoredMention> distinct) {
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] keys = new String[distinct.size()];
        OffsetDateTime[] at = new OffsetDateTime[keys.length];
        String[] texts = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ScoredMention s = distinct.get(i);
            keys[i] = s.mention().key();
            at[i] = odt(s.mention().createdAt());
            texts[i] = sample(s.mention().text());
        }
        return conn.preparedQuery(SEEN_BATCH).execute(Tuple.of(source, keys, at, texts)).map(rows -> {
            Set<String> fresh = new HashSet<>();
            for (Row r : rows) {
                fresh.add(r.getString(0));
            }
            return fresh;
        });
    }

    private static final Class<?>[] VOLUME_COLUMNS = { String.class, OffsetDateTime.class, String.class, String.class,
            String.class, String.class, String.class, Long.class, Long.class, Long.class, Double.class };
    private static final Class<?>[] TERM_COLUMNS = { String.class, OffsetDateTime.class, String.class, Long.class };
    private static final Class<?>[] SPACE_COLUMNS = { String.class, OffsetDateTime.class, String.class, String.class,
            Long.class, Long.class, Long.class, Double.class };
    private static final Class<?>[] QUESTION_COLUMNS = { OffsetDateTime.class, String.class, String.class, String.class,
            Long.class, String.class };

    /** One multi-row upsert: each sum becomes a row ({@code row}), the rows one array per column. */
    private static Uni<Void> upsert(SqlConnection conn, String sql, SortedMap<String, Sum> rows, Class<?>[] columns,
            Function<Sum, Object[]> row) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(sql).execute(Tuple.from(columns(columns, rows.values().stream().map(row).toList())))
                .replaceWithVoid();
    }

    /** Rows as one array per column (the parameters of an {@code unnest} statement). */
    private static Object[] columns(Class<?>[] columns, List<Object[]> rows) {
        Object[] arrays = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            arrays[c] = Array.newInstance(columns[c], rows.size());
        }
        for (int i = 0; i < rows.size(); i++) {
            Object[] values = rows.get(i);
            for (int c = 0; c < columns.length; c++) {
                Array.set(arrays[c], i, values[c]);
            }
        }
        return arrays;
    }

    /** Running sums of one bucket row: its key columns, the first mention's extra column, and the counts. */
    private static final class Sum {
        private final Object[] key;
        private final String extra;
        private long mentions;
        private long positive;
        private long negative;
        private double scoreSum;

        Sum(Object[] key, String extra) {
            this.key = key;
            this.extra = extra;
        }

        void add(long positive, long negative, double score) {
            mentions++;
            this.positive += positive;
            this.negative += negative;
            this.scoreSum += score;
        }

        Object[] volumeRow() {
            return new Object[] { key[0], key[1], key[2], key[3], key[4], key[5], key[6], mentions, positive, negative, scoreSum };
        }

        Object[] termRow() {
            return new Object[] { key[0], key[1], key[2], mentions };
        }

        Object[] spaceRow() {
            return new Object[] { key[0], key[1], key[2], extra, mentions, positive, negative, scoreSum };
        }

        Object[] questionRow() {
            return new Object[] { key[0], key[1], key[2], key[3], mentions, extra };
        }
    }

    /**
     * Appends {@code seconds} zero-padded to 20 digits, so that keys sort by time, as {@code %020d} would: by hand,
     * since String.format, once per term, bucket and mention, led the centres' profile (2026-12-07 12:09 UTC).
     */
    static void sortable(StringBuilder out, long seconds) {
        if (seconds < 0) {
            out.append(String.format("%020d", seconds));
            return;
        }
        String digits = Long.toString(seconds);
        for (int i = digits.length(); i < 20; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /** The bucket rows of a batch of new mentions, summed per key, the same rules as the one-by-one writes. */
    private static final class BatchSums {
        final SortedMap<String, Sum> volume = new TreeMap<>();
        final SortedMap<String, Sum> terms = new TreeMap<>();
        final SortedMap<String, Sum> spaces = new TreeMap<>();
        final SortedMap<String, Sum> questions = new TreeMap<>();

        static BatchSums of(List<ScoredMention> mentions) {
            BatchSums b = new BatchSums();
            for (ScoredMention s : mentions) {
                b.add(s);
            }
            return b;
        }

        private void add(ScoredMention s) {
            Instant at = s.mention().createdAt();
            String label = s.sentiment() == null ? Sentiment.NEUTRAL : s.sentiment().label();
            double score = s.sentiment() == null ? 0 : s.sentiment().score();
            long pos = Sentiment.POSITIVE.equals(label) ? 1L : 0L;
            long neg = Sentiment.NEGATIVE.equals(label) ? 1L : 0L;
            String network = s.mention().network();
            String space = s.mention().space();
            Set<String> words = Terms.of(s.mention().text());
            addVolume(volume, s, ALL);
            for (ChronoUnit unit : GRANULARITIES) {
                OffsetDateTime b = bucket(at, unit);
                for (String term : words) {
                    sum(terms, new Object[] { name(unit), b, term }, null).add(0, 0, 0);
                }
                if (space != null && !space.isBlank()) {
                    sum(spaces, new Object[] { name(unit), b, space }, network).add(pos, neg, score);
                }
            }
            String signature = Terms.questionSignature(s.mention().text());
            if (signature != null) {
                sum(questions, new Object[] { bucket(at, ChronoUnit.HOURS), orEmpty(s.productLine()), orEmpty(s.topic()),
                        signature }, sample(s.mention().text())).add(0, 0, 0);
            }
        }

        /** A mention's volume rows (one per granularity) counted for {@code centre}, as {@link #volume} writes them. */
        static void addVolume(SortedMap<String, Sum> into, ScoredMention s, String centre) {
            String label = s.sentiment() == null ? Sentiment.NEUTRAL : s.sentiment().label();
            double score = s.sentiment() == null ? 0 : s.sentiment().score();
            for (ChronoUnit unit : GRANULARITIES) {
                sum(into, new Object[] { name(unit), bucket(s.mention().createdAt(), unit), centre, s.mention().network(),
                        orEmpty(s.language()), orEmpty(s.topic()), orEmpty(s.productLine()) }, null)
                        .add(Sentiment.POSITIVE.equals(label) ? 1L : 0L, Sentiment.NEGATIVE.equals(label) ? 1L : 0L, score);
            }
        }

        private static Sum sum(SortedMap<String, Sum> into, Object[] key, String extra) {
            StringBuilder k = new StringBuilder(64);
            for (Object part : key) {
                if (part instanceof OffsetDateTime t) {
                    sortable(k, t.toEpochSecond());
                } else {
                    k.append(part);
                }
                k.append('\u0000');
            }
            return into.computeIfAbsent(k.toString(), x -> new Sum(key, extra));
        }

    }

    /** Records a routing decision: the conversation's latest placement, and its message counted for the centre once. */
    public Uni<Void> routed(RoutingDecision d) {
        return routedBatch(List.of(d));
    }

    /** A decision's row of {@code CONVERSATION_BATCH}. */
    private static Object[] placement(RoutingDecision d) {
        ScoredMention m = d.message();
        return new Object[] { d.conversationId(), d.centre(),
                m == null ? null : m.mention().network(), m == null ? null : m.language(), m == null ? null : m.topic(),
                d.queue(), d.state(), m == null ? null : odt(m.mention().createdAt()), odt(d.slaDueAt()), odt(d.routedAt()),
                m == null ? null : m.mention().space() };
    }

    /** Records a public reply; the first one of a conversation sets its first response time. */
    public Uni<Void> reply(Reply r) {
        return pool.withTransaction(conn -> conn.preparedQuery(REPLY)
                .execute(Tuple.of(r.replyId(), r.conversationId(), r.centre(), r.network(), odt(r.createdAt())))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : conn.preparedQuery(FIRST_RESPONSE).execute(Tuple.of(r.conversationId(), r.centre(),
                                r.network(), odt(r.createdAt()))).replaceWithVoid()));
    }

    /** Records the delivery outcome of a reply. */
    public Uni<Void> receipt(DeliveryReceipt r) {
        return pool.preparedQuery(RECEIPT).execute(Tuple.of(r.replyId(), r.conversationId(), odt(r.at()), r.status()))
                .replaceWithVoid();
    }

    /** Records a closed conversation: its resolution time, sentiment delta and whether the customer restated it. */
    public Uni<Void> closed(ConversationClosed c) {
        return pool.preparedQuery(CLOSED).execute(Tuple.from(new Object[] { c.conversationId(), c.centre(), c.network(),
                c.language(), c.topic(), odt(c.openedAt()), odt(c.closedAt()), c.sentimentDelta(), c.restatedPublicly() }))
                .replaceWithVoid();
    }

    /** Keeps the latest alert of each incident. */
    public Uni<Void> alert(Alert a) {
        return pool.preparedQuery(INCIDENT).execute(Tuple.from(new Object[] {
                a.incidentId(), a.status(), a.subjectKind(), a.subject(), a.centre(), a.language(), a.network(),
                a.severity(), odt(a.startedAt()), a.observed(), a.expected(), String.join("\n", a.topTerms()),
                String.join("\n", a.sampleMentions()), odt(a.emittedAt()), a.revision(), a.workflow(), a.mentions(),
                String.join("\n", a.related()) })).replaceWithVoid();
    }

    /** Keeps the latest presence of each agent. */
    public Uni<Void> presence(AgentPresence p) {
        return pool.preparedQuery(PRESENCE)
                .execute(Tuple.of(p.agentId(), p.centre(), p.status(), p.capacity(), odt(p.at()))).replaceWithVoid();
    }

    /** The first 280 characters of a text, as the ledger and the question examples keep it. */
    private static String sample(String text) {
        return text != null && text.length() > 280 ? text.substring(0, 280) : text;
    }

    private Uni<Boolean> seen(SqlConnection conn, String source, ScoredMention s) {
        return conn.preparedQuery(SEEN).execute(Tuple.of(source, s.mention().key(), odt(s.mention().createdAt()),
                sample(s.mention().text()))).map(rows -> rows.rowCount() == 1);
    }

    /** A mention's volume rows for {@code centre} (one per granularity), by the batch path's one upsert. */
    private static Uni<Void> volume(SqlConnection conn, String centre, ScoredMention s) {
        SortedMap<String, Sum> rows = new TreeMap<>();
        BatchSums.addVolume(rows, s, centre);
        return upsert(conn, VOLUME_BATCH, rows, VOLUME_COLUMNS, Sum::volumeRow);
    }

    private Uni<Void> question(SqlConnection conn, ScoredMention s) {
        String signature = Terms.questionSignature(s.mention().text());
        if (signature == null) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery(QUESTION).execute(Tuple.of(bucket(s.mention().createdAt(), ChronoUnit.HOURS),
                orEmpty(s.productLine()), orEmpty(s.topic()), signature, sample(s.mention().text()))).replaceWithVoid();
    }

    private Uni<Void> space(SqlConnection conn, ScoredMention s) {
        if (s.mention().space() == null || s.mention().space().isBlank()) {
            return Uni.createFrom().voidItem();
        }
        String label = s.sentiment() == null ? Sentiment.NEUTRAL : s.sentiment().label();
        double score = s.sentiment() == null ? 0 : s.sentiment().score();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ChronoUnit unit : GRANULARITIES) {
            Tuple t = Tuple.from(new Object[] { name(unit), bucket(s.mention().createdAt(), unit), s.mention().space(),
                    s.mention().network(), Sentiment.POSITIVE.equals(label) ? 1L : 0L,
                    Sentiment.NEGATIVE.equals(label) ? 1L : 0L, score });
            all = all.chain(() -> conn.preparedQuery(SPACE).execute(t).replaceWithVoid());
        }
        return all;
    }

    /** The stored name of a bucket size. */
    public static String name(ChronoUnit unit) {
        return unit == ChronoUnit.HOURS ? "hour" : "minute";
    }

    /** Start of the bucket of {@code at}. */
    public static OffsetDateTime bucket(Instant at, ChronoUnit unit) {
        return at.truncatedTo(unit).atOffset(ZoneOffset.UTC);
    }

    /** An instant as the PostgreSQL client binds it. */
    public static OffsetDateTime odt(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
