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

    private final Pool pool;
    private final Clock clock;
    private final AtomicReference<Instant> sealedUntil = new AtomicReference<>();
    private final AtomicReference<Instant> hoursSealedUntil = new AtomicReference<>();

    public TermSpanSeal(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The end of the days whose term spans are complete: as last read, or read now (the first report after a start). */
    public Uni<Instant> sealedUntil() {
        Instant known = sealedUntil.get();
        return known != null ? Uni.createFrom().item(known)
                : read(pool.query("select sealed_until from term_span_sealed").execute(), sealedUntil);
    }

    /** Adds the days before {@code upTo} to their spans if they are not yet; answers the new end of the sealed days. */
    public Uni<Instant> seal(Instant upTo) {
        return read(pool.preparedQuery("select term_spans_seal($1)").execute(Tuple.of(upTo.atOffset(ZoneOffset.UTC))),
                sealedUntil);
    }

    /**
     * The end of the hours whose term days and hour spans are complete: as last read, or read now (the first report
     * after a start).
     */
    public Uni<Instant> hoursSealedUntil() {
        Instant known = hoursSealedUntil.get();
        return known != null ? Uni.createFrom().item(known)
                : read(pool.query("select sealed_until from term_hour_sealed").execute(), hoursSealedUntil);
    }

    /**
     * Adds the hours before {@code upTo} to their days and hour spans if they are not yet; answers the new end of the
     * sealed hours.
     */
    public Uni<Instant> sealHours(Instant upTo) {
        return read(pool.preparedQuery("select term_hours_seal($1)").execute(Tuple.of(upTo.atOffset(ZoneOffset.UTC))),
                hoursSealedUntil);
    }

    private static Uni<Instant> read(Uni<RowSet<Row>> query, AtomicReference<Instant> last) {
        return query.map(rows -> rows.iterator().next().getOffsetDateTime(0).toInstant())
                .map(at -> last.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a));
    }

    @Scheduled(every = "${vigie.centres.term-spans.seal-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sealEndedDays() {
        return seal(clock.instant().truncatedTo(ChronoUnit.DAYS)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("term spans of ended days not sealed, tried again later: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${vigie.centres.term-hours.seal-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sealEndedHours() {
        return sealHours(clock.instant().truncatedTo(ChronoUnit.HOURS)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("term rollups of ended hours not sealed, tried again later: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
