package io.vigie.scoring.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** The radar's snapshot (state and consumed offsets) and the leader lease, in the scoring database. */
@ApplicationScoped
public class RadarStateRepository {

    /** A stored snapshot: the gzip of the radar's state and the next offset to read per partition. */
    public record Snapshot(byte[] state, Map<Integer, Long> offsets, Instant takenAt) {
    }

    private static final String LEASE = "radar";

    private final Pool pool;

    public RadarStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** Replaces the snapshot. */
    public Uni<Void> save(byte[] state, Map<Integer, Long> offsets, Instant clock) {
        StringBuilder o = new StringBuilder();
        offsets.forEach((p, off) -> o.append(o.isEmpty() ? "" : ",").append(p).append(':').append(off));
        return pool.preparedQuery("""
                insert into radar_snapshot (id, taken_at, clock, offsets, state) values (1, now(), $1, $2, $3)
                on conflict (id) do update set taken_at = excluded.taken_at, clock = excluded.clock,
                    offsets = excluded.offsets, state = excluded.state""")
                .execute(Tuple.of(clock == null ? null : OffsetDateTime.ofInstant(clock, ZoneOffset.UTC), o.toString(),
                        io.vertx.core.buffer.Buffer.buffer(state)))
                .replaceWithVoid();
    }

    /** The snapshot, or null when none was taken yet. */
    public Uni<Snapshot> load() {
        return pool.query("select taken_at, offsets, state from radar_snapshot where id = 1").execute().map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row r = it.next();
            Map<Integer, Long> offsets = new TreeMap<>();
            String s = r.getString("offsets");
            if (s != null && !s.isBlank()) {
                for (String part : s.split(",")) {
                    String[] po = part.split(":");
                    offsets.put(Integer.parseInt(po[0]), Long.parseLong(po[1]));
                }
            }
            return new Snapshot(r.getBuffer("state").getBytes(), offsets,
                    r.getOffsetDateTime("taken_at").toInstant());
        });
    }

    /** Takes or renews the lease for {@code owner}; true when this owner holds it now. */
    public Uni<Boolean> acquire(String owner, Duration ttl) {
        return pool.preparedQuery("""
                insert into radar_lease (name, owner, expires_at) values ($1, $2, now() + $3 * interval '1 millisecond')
                on conflict (name) do update set owner = excluded.owner, expires_at = excluded.expires_at
                    where radar_lease.owner = excluded.owner or radar_lease.expires_at < now()
                returning owner""")
                .execute(Tuple.of(LEASE, owner, ttl.toMillis()))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Gives the lease up (at shutdown), so that another instance takes over at once. */
    public Uni<Void> release(String owner) {
        return pool.preparedQuery("delete from radar_lease where name = $1 and owner = $2")
                .execute(Tuple.of(LEASE, owner)).replaceWithVoid();
    }
}
