package io.vigie.centres.repository;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The term rollups of ended days and hours. term_span holds the term days before {@code term_span_sealed.sealed_until}
 * (ADR 0133, migration V25); every few minutes this adds the days that have ended since (UTC, by the service's clock)
 * and moves it to today. term_day and term_hour_span hold the hour rows of term_bucket before
 * {@code term_hour_sealed.sealed_until} (ADR 0138, V27); every minute this adds the hours that have ended since and
 * moves it to the current hour. Reports tile with spans of days only before {@link #sealedUntil()} and with days and
 * spans of hours only before {@link #hoursSealedUntil()}, the values this instance last read: they only grow, so an
 * older value is still safe (what comes after it is read from finer rows).
 */
@ApplicationScoped
public class TermSpanSeal {

    private static final Logger LOG = Logger.getLogger(TermSpanSeal.class);

    private final Clock clock;
    private final Seal days;
    private final Seal hours;

    public TermSpanSeal(Pool pool, Clock clock) {
        this.clock = clock;
        this.days = new Seal(pool, "term_span_sealed", "term_spans_seal", "term spans of ended days");
        this.hours = new Seal(pool, "term_hour_sealed", "term_hours_seal", "term rollups of ended hours");
    }

    /** The end of the days whose term spans are complete: as last read, or read now (the first report after a start). */
    public Uni<Instant> sealedUntil() {
        return days.until();
    }

    /** Adds the days before {@code upTo} to their spans if they are not yet; answers the new end of the sealed days. */
    public Uni<Instant> seal(Instant upTo) {
        return days.upTo(upTo);
    }

    /**
     * The end of the hours whose term days and hour spans are complete: as last read, or read now (the first report
     * after a start).
     */
    public Uni<Instant> hoursSealedUntil() {
        return hours.until();
    }

    /**
     * Adds the hours before {@code upTo} to their days and hour spans if they are not yet; answers the new end of the
     * sealed hours.
     */
    public Uni<Instant> sealHours(Instant upTo) {
        return hours.upTo(upTo);
    }

    @Scheduled(every = "${vigie.centres.term-spans.seal-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sealEndedDays() {
        return days.quietly(clock.instant().truncatedTo(ChronoUnit.DAYS));
    }

    @Scheduled(every = "${vigie.centres.term-hours.seal-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sealEndedHours() {
        return hours.quietly(clock.instant().truncatedTo(ChronoUnit.HOURS));
    }

    /**
     * One seal: a one-row table holding where it ends, the database function that moves it (V25/V26, V27), and the
     * value this instance last read, which only grows.
     */
    private static final class Seal {
        private final Pool pool;
        private final String readSql;
        private final String sealSql;
        private final String what;
        private final AtomicReference<Instant> last = new AtomicReference<>();

        Seal(Pool pool, String table, String function, String what) {
            this.pool = pool;
            this.readSql = "select sealed_until from " + table;
            this.sealSql = "select " + function + "($1)";
            this.what = what;
        }

        Uni<Instant> until() {
            Instant known = last.get();
            return known != null ? Uni.createFrom().item(known) : read(pool.query(readSql).execute());
        }

        Uni<Instant> upTo(Instant upTo) {
            return read(pool.preparedQuery(sealSql).execute(Tuple.of(upTo.atOffset(ZoneOffset.UTC))));
        }

        /** Seals up to {@code upTo}; a failure is logged and left to the next run. */
        Uni<Void> quietly(Instant upTo) {
            return upTo(upTo).replaceWithVoid()
                    .onFailure().invoke(e -> LOG.warnf("%s not sealed, tried again later: %s", what, e.getMessage()))
                    .onFailure().recoverWithNull();
        }

        private Uni<Instant> read(Uni<RowSet<Row>> query) {
            return query.map(rows -> rows.iterator().next().getOffsetDateTime(0).toInstant())
                    .map(at -> last.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a));
        }
    }
}
