package io.vigie.apisupport;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * Tells a failure of the infrastructure (PostgreSQL or Kafka cannot be reached, a connection was lost, the server is
 * shutting down, a deadlock) from a failure of the records being handled, and retries work that failed for the first
 * reason (ADR 0131). A record is dead-lettered only for a reason of its own: a consumer that dead-lettered whatever it
 * read while the database was down, or while the service was stopping (its pool closed under the poll in progress),
 * moved good records aside, to be replayed by hand.
 */
public final class Unavailable {

    /** First wait before a retry; doubled (with jitter) at each failure up to {@link #MAX_WAIT}. */
    static final Duration FIRST_WAIT = Duration.ofMillis(250);
    /** Longest wait between two retries. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /**
     * SQLSTATEs of a server that cannot serve now, whatever the statement: connection exceptions (class 08), operator
     * intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), too many connections
     * (53300), and the two conflicts between transactions that a retry resolves (40001 serialization failure, 40P01
     * deadlock).
     */
    private static final Set<String> SQL_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

    /** SQLSTATEs of a row another transaction wrote first: unique (23505) and exclusion (23P01) violations. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "23P01");

    /** How many times work that lost a race to a concurrent writer is tried again before its failure is passed on. */
    static final int CONFLICT_RETRIES = 3;
    /** Wait before such a retry: the concurrent writer has committed by the time the violation is reported. */
    static final Duration CONFLICT_WAIT = Duration.ofMillis(50);

    /** Messages of Vert.x's stackless failures of a pool or connection that is closed, closing or exhausted. */
    private static final List<String> POOL_MESSAGES = List.of("Pool closed", "Connection is not active now", "Timeout",
            "Connection closed");

    private static final Logger LOG = Logger.getLogger(Unavailable.class);

    private Unavailable() {
    }

    /** Whether {@code failure}, or one of its causes, says the infrastructure is unavailable rather than a record bad. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof TimeoutException || t instanceof ClosedConnectionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof RetriableException) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || SQL_STATES.contains(state))) {
                return true;
            }
            if (t instanceof NoStackTraceThrowable && t.getMessage() != null
                    && POOL_MESSAGES.stream().anyMatch(t.getMessage()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure}, or one of its causes, is a unique (or exclusion) violation: the record's rows were
     * written by another transaction first. Between consumers of a Vigie topic it is a race, not a bad record: after a
     * rebalance the partition's new owner handles again the poll its former owner is still handling, and both insert
     * the same new rows; the loser's retry finds them and, the handlers being idempotent, stores nothing twice.
     */
    public static boolean conflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = sqlState(t);
            if (state != null && CONFLICT_STATES.contains(state)) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable t) {
        return t instanceof DatabaseException d ? d.getSqlState() : t instanceof SQLException s ? s.getSQLState() : null;
    }

    /**
     * As {@link #retried(Context, Supplier, String)}, and also tried again, at most {@value #CONFLICT_RETRIES} times,
     * when it fails on a {@link #conflict}: for the work of one record, whose failure dead-letters it. A violation that
     * persists is the record's own and is passed on.
     */
    public static <T> Uni<T> retriedThroughConflicts(Context context, Supplier<Uni<T>> attempt, String what) {
        return throughConflicts(context, attempt, what, CONFLICT_RETRIES);
    }

    private static <T> Uni<T> throughConflicts(Context context, Supplier<Uni<T>> attempt, String what, int left) {
        return retried(context, attempt, what).onFailure(e -> left > 0 && conflict(e)).recoverWithUni(e -> {
            LOG.infof("%s: a concurrent writer stored the same rows first (%s); trying again", what,
                    RecordBatches.reason(e));
            return Uni.createFrom().voidItem().onItem().delayIt().by(CONFLICT_WAIT).emitOn(on(context))
                    .chain(() -> throughConflicts(context, attempt, what, left - 1));
        });
    }

    /** Runs a task on {@code context}'s thread (none: on the caller's). */
    private static Executor on(Context context) {
        return context == null ? Runnable::run : r -> context.runOnContext(v -> r.run());
    }

    /**
     * The work of {@code attempt}, tried again, with growing waits, for as long as it fails because the
     * infrastructure is unavailable; any other failure is passed on. Each attempt starts on the Vert.x context of the
     * caller (Hibernate Reactive's sessions belong to it), and each retry is logged with {@code what}.
     */
    public static <T> Uni<T> retried(Supplier<Uni<T>> attempt, String what) {
        return retried(Vertx.currentContext(), attempt, what);
    }

    /**
     * As {@link #retried(Supplier, String)}, each retry starting on {@code context} (none: on the thread of the failure).
     * The first attempt runs at once, on the caller's thread: only a retry, which starts from a timer, needs the hop.
     */
    public static <T> Uni<T> retried(Context context, Supplier<Uni<T>> attempt, String what) {
        Uni<T> again = Uni.createFrom().<T>deferred(attempt::get).runSubscriptionOn(on(context))
                .onFailure(Unavailable::is).invoke(e -> warn(what, e))
                .onFailure(Unavailable::is).retry().withBackOff(FIRST_WAIT, MAX_WAIT).indefinitely();
        return Uni.createFrom().<T>deferred(attempt::get).onFailure(Unavailable::is).recoverWithUni(e -> {
            warn(what, e);
            return again;
        });
    }

    private static void warn(String what, Throwable e) {
        LOG.warnf("%s: the infrastructure is unavailable (%s); retrying", what, RecordBatches.reason(e));
    }
}
