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
 * The term spans of ended days (ADR 0133, migration V25): term_span holds the term days before {@code sealed_until};
 * every few minutes this adds the days that have ended since (UTC, by the service's clock) and moves it to today.
 * Reports tile with spans only before {@link #sealedUntil()}, the value this instance last read: it only grows, so an
 * older value is still safe (the days after it are read from term_day).
 */
@ApplicationScoped
public class TermSpanSeal {

    private static final Logger LOG = Logger.getLogger(TermSpanSeal.class);

    private final Pool pool;
    private final Clock clock;
    private final AtomicReference<Instant> sealedUntil = new AtomicReference<>();

    public TermSpanSeal(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The end of the days whose term spans are complete: as last read, or read now (the first report after a start). */
    public Uni<Instant> sealedUntil() {
        Instant known = sealedUntil.get();
        return known != null ? Uni.createFrom().item(known)
                : read(pool.query("select sealed_until from term_span_sealed").execute());
    }

    /** Adds the days before {@code upTo} to their spans if they are not yet; answers the new end of the sealed days. */
    public Uni<Instant> seal(Instant upTo) {
        return read(pool.preparedQuery("select term_spans_seal($1)").execute(Tuple.of(upTo.atOffset(ZoneOffset.UTC))));
    }

    private Uni<Instant> read(Uni<RowSet<Row>> query) {
        return query.map(rows -> rows.iterator().next().getOffsetDateTime(0).toInstant())
                .map(at -> sealedUntil.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a));
    }

    @Scheduled(every = "${vigie.centres.term-spans.seal-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sealEndedDays() {
        return seal(clock.instant().truncatedTo(ChronoUnit.DAYS)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("term spans of ended days not sealed, tried again later: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
