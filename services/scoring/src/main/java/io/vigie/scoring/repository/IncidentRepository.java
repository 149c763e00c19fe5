package io.vigie.scoring.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigie.scoring.domain.IncidentView;
import io.vigie.scoring.domain.radar.RadarEvent;
import io.vigie.scoring.domain.radar.RadarEvent.Sample;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Data access to incidents, their mentions and notes, the alert outbox and the webhook deliveries. */
@ApplicationScoped
public class IncidentRepository {

    /** An alert waiting in the outbox. */
    public record OutboxEntry(long seq, String incidentId, String payload) {
    }

    /** A webhook notification due now. */
    public record DueDelivery(long id, String endpoint, int attempts, String incidentId, String payload) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Sample>> SAMPLES = new TypeReference<>() {
    };

    private static final String UPSERT = """
            insert into incident as i (id, status, revision, seq, subject_kind, subject, centre, language, network,
                started_at, detected_at, updated_at, resolved_at, window_seconds, observed, expected, p_value, severity,
                top_terms, related, samples, mentions)
            values ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
            on conflict (id) do update set status = excluded.status, revision = i.revision + 1, seq = excluded.seq,
                subject_kind = excluded.subject_kind, subject = excluded.subject, centre = excluded.centre, language = excluded.language, network = excluded.network,
                updated_at = excluded.updated_at, resolved_at = excluded.resolved_at,
                window_seconds = excluded.window_seconds, observed = excluded.observed, expected = excluded.expected,
                p_value = excluded.p_value, severity = excluded.severity, top_terms = excluded.top_terms,
                related = excluded.related, samples = excluded.samples, mentions = excluded.mentions
            where i.seq < excluded.seq
            returning *""";

    private final Pool pool;
    private final ObjectMapper json;

    public IncidentRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The pool, for reads outside a transaction. */
    public SqlClient client() {
        return pool;
    }

    /** Runs {@code work} in one transaction. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work);
    }

    /** Applies a radar event; emits the incident after it, or null when this event was applied before (a replay). */
    public Uni<IncidentView> applyRadarEvent(SqlClient tx, RadarEvent e) {
        Object[] p = {e.incidentId(), e.status(), e.seq(), e.kind().id(), e.subject(), e.centre(), e.language(),
            e.network(), odt(e.startedAt()), odt(e.detectedAt()),
            RadarEvent.RESOLVED.equals(e.status()) ? odt(e.detectedAt()) : null, e.windowSeconds(), e.observed(),
            e.expected(), e.pValue(), e.severity(), write(e.topTerms()), write(e.related()), write(e.samples()),
            e.mentions()};
        return tx.preparedQuery(UPSERT).execute(Tuple.from(p)).map(this::first);
    }

    /** Groups mentions into an incident (each once). */
    public Uni<Void> addMentions(SqlClient tx, String incidentId, List<Sample> mentions) {
        if (mentions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>(mentions.size());
        for (Sample s : mentions) {
            batch.add(Tuple.of(incidentId, s.key(), odt(s.at()), s.text(), s.language(), s.network()));
        }
        return tx.preparedQuery("""
                insert into incident_mention (incident_id, mention_key, at, text, language, network)
                values ($1, $2, $3, $4, $5, $6) on conflict do nothing""").executeBatch(batch).replaceWithVoid();
    }

    /** Puts an alert in the outbox; emits its sequence number, or null when this origin was enqueued before. */
    public Uni<Long> enqueue(SqlClient tx, String incidentId, String origin, String payload) {
        return tx.preparedQuery("""
                insert into alert_outbox (incident_id, origin, payload, created_at) values ($1, $2, $3, now())
                on conflict (incident_id, origin) do nothing returning seq""")
                .execute(Tuple.of(incidentId, origin, payload))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong("seq") : null);
    }

    /** One webhook delivery per endpoint for an outbox entry. */
    public Uni<Void> addDeliveries(SqlClient tx, long outboxSeq, List<String> endpoints) {
        if (endpoints.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (String e : endpoints) {
            batch.add(Tuple.of(outboxSeq, e));
        }
        return tx.preparedQuery("""
                insert into webhook_delivery (outbox_seq, endpoint, next_attempt_at) values ($1, $2, now())
                on conflict do nothing""").executeBatch(batch).replaceWithVoid();
    }

    /** One incident ({@code forUpdate}: locks its row until the transaction ends), or null. */
    public Uni<IncidentView> find(SqlClient client, String id, boolean forUpdate) {
        return client.preparedQuery("select * from incident where id = $1" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(id)).map(this::first);
    }

    /** Sets the workflow (acknowledged or closed) and bumps the revision. */
    public Uni<IncidentView> setWorkflow(SqlClient tx, String id, String workflow, String user) {
        String who = "acknowledged".equals(workflow) ? "acknowledged_by = $3, acknowledged_at = now()"
                : "closed_by = $3, closed_at = now()";
        return tx.preparedQuery("update incident set workflow = $2, revision = revision + 1, " + who
                + " where id = $1 returning *").execute(Tuple.of(id, workflow, user)).map(this::first);
    }

    /** Adds a note or the trace of an action. */
    public Uni<Void> addNote(SqlClient tx, String id, String author, String action, String text) {
        return tx.preparedQuery("insert into incident_note (incident_id, author, action, text, created_at) "
                + "values ($1, $2, $3, $4, now())").execute(Tuple.of(id, author, action, text)).replaceWithVoid();
    }

    /** Incidents visible from a centre (null: all), active ones only or all, latest first. */
    public Uni<List<IncidentView>> list(String centre, boolean activeOnly, int limit) {
        return pool.preparedQuery("""
                select * from incident
                where ($1::text is null or centre = $1 or centre is null)
                  and (not $2 or (status <> 'resolved' and workflow <> 'closed'))
                order by updated_at desc, id limit $3""")
                .execute(Tuple.of(centre, activeOnly, limit)).map(this::all);
    }

    /** Notes and actions of an incident, oldest first. */
    public Uni<List<IncidentView.Note>> notes(String id) {
        return pool.preparedQuery("select author, action, text, created_at from incident_note where incident_id = $1 order by id")
                .execute(Tuple.of(id)).map(rows -> {
                    List<IncidentView.Note> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new IncidentView.Note(r.getString("author"), r.getString("action"), r.getString("text"),
                                instant(r, "created_at")));
                    }
                    return out;
                });
    }

    /** The latest mentions grouped into an incident. */
    public Uni<List<Sample>> latestMentions(String id, int limit) {
        return pool.preparedQuery("""
                select mention_key, at, text, language, network from incident_mention where incident_id = $1
                order by at desc, mention_key limit $2""").execute(Tuple.of(id, limit)).map(rows -> {
                    List<Sample> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Sample(r.getString("mention_key"), instant(r, "at"), r.getString("text"),
                                r.getString("language"), r.getString("network")));
                    }
                    return out;
                });
    }

    /** Mentions grouped into an incident, in all. */
    public Uni<Long> mentionCount(String id) {
        return pool.preparedQuery("select count(*) n from incident_mention where incident_id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Webhook deliveries of an incident, newest first. */
    public Uni<List<IncidentView.Delivery>> deliveries(String id) {
        return pool.preparedQuery("""
                select o.payload, d.endpoint, d.attempts, d.delivered_at, d.failed_at, d.last_status, d.last_error
                from webhook_delivery d join alert_outbox o on o.seq = d.outbox_seq
                where o.incident_id = $1 order by d.id desc limit 100""").execute(Tuple.of(id)).map(rows -> {
                    List<IncidentView.Delivery> out = new ArrayList<>();
                    for (Row r : rows) {
                        int revision;
                        try {
                            revision = json.readTree(r.getString("payload")).path("revision").asInt();
                        } catch (JsonProcessingException e) {
                            revision = 0;
                        }
                        out.add(new IncidentView.Delivery(revision, r.getString("endpoint"), r.getInteger("attempts"),
                                instant(r, "delivered_at"), instant(r, "failed_at"), r.getInteger("last_status"),
                                r.getString("last_error")));
                    }
                    return out;
                });
    }

    /** Which of these incidents supervisors closed. */
    public Uni<List<String>> closedAmong(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("select id from incident where workflow = 'closed' and id = any($1)")
                .execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("id")));
                    return out;
                });
    }

    /** The oldest alerts not published yet. */
    public Uni<List<OutboxEntry>> unsent(int limit) {
        return pool.preparedQuery("select seq, incident_id, payload from alert_outbox where sent_at is null order by seq limit $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<OutboxEntry> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new OutboxEntry(r.getLong("seq"), r.getString("incident_id"),
                            r.getString("payload"))));
                    return out;
                });
    }

    /** Marks alerts as published. */
    public Uni<Void> markSent(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update alert_outbox set sent_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(Long[]::new))).replaceWithVoid();
    }

    /** Webhook notifications due now, oldest first. */
    public Uni<List<DueDelivery>> dueDeliveries(int limit) {
        return pool.preparedQuery("""
                select d.id, d.endpoint, d.attempts, o.incident_id, o.payload from webhook_delivery d
                join alert_outbox o on o.seq = d.outbox_seq
                where d.delivered_at is null and d.failed_at is null and d.next_attempt_at <= now()
                order by d.id limit $1""").execute(Tuple.of(limit)).map(rows -> {
                    List<DueDelivery> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new DueDelivery(r.getLong("id"), r.getString("endpoint"),
                            r.getInteger("attempts"), r.getString("incident_id"), r.getString("payload"))));
                    return out;
                });
    }

    /** Records a successful attempt. */
    public Uni<Void> delivered(long id, int status) {
        return pool.preparedQuery("""
                update webhook_delivery set attempts = attempts + 1, last_status = $2, last_error = null,
                    delivered_at = now() where id = $1""").execute(Tuple.of(id, status)).replaceWithVoid();
    }

    /** Records a failed attempt: retried after {@code retryInMillis}, or given up when {@code giveUp}. */
    public Uni<Void> failedAttempt(long id, Integer status, String error, boolean giveUp, long retryInMillis) {
        String next = giveUp ? "failed_at = now()" : "next_attempt_at = now() + $4 * interval '1 millisecond'";
        return pool.preparedQuery("update webhook_delivery set attempts = attempts + 1, last_status = $2, "
                + "last_error = $3, " + next + " where id = $1")
                .execute(giveUp ? Tuple.of(id, status, error) : Tuple.of(id, status, error, retryInMillis))
                .replaceWithVoid();
    }

    private IncidentView first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? view(it.next()) : null;
    }

    private List<IncidentView> all(RowSet<Row> rows) {
        List<IncidentView> out = new ArrayList<>();
        rows.forEach(r -> out.add(view(r)));
        return out;
    }

    private IncidentView view(Row r) {
        return new IncidentView(r.getString("id"), r.getString("status"), r.getString("workflow"),
                r.getInteger("revision"), r.getString("subject_kind"), r.getString("subject"), r.getString("centre"),
                r.getString("language"), r.getString("network"), instant(r, "started_at"), instant(r, "detected_at"),
                instant(r, "updated_at"), instant(r, "resolved_at"), r.getLong("window_seconds"),
                r.getDouble("observed"), r.getDouble("expected"), r.getDouble("p_value"), r.getString("severity"),
                read(r.getString("top_terms"), STRINGS), read(r.getString("related"), STRINGS),
                read(r.getString("samples"), SAMPLES), r.getLong("mentions"), r.getString("acknowledged_by"),
                instant(r, "acknowledged_at"), r.getString("closed_by"), instant(r, "closed_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable incident column: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
