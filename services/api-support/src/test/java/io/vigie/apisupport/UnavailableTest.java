package io.vigie.apisupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

/** What counts as the infrastructure being unavailable, and what is tried again because of it. */
class UnavailableTest {

    @Test
    void aDatabaseOrBrokerThatCannotServeIsUnavailable() {
        assertTrue(Unavailable.is(new ConnectException("Connection refused: /127.0.0.1:5432")));
        assertTrue(Unavailable.is(new NoStackTraceThrowable("Pool closed")));
        assertTrue(Unavailable.is(new NoStackTraceThrowable("Connection is not active now, current status: CLOSING")));
        assertTrue(Unavailable.is(new PgException("terminating connection due to administrator command", "FATAL", "57P01",
                null)));
        assertTrue(Unavailable.is(new PgException("deadlock detected", "ERROR", "40P01", null)));
        assertTrue(Unavailable.is(new SQLException("connection failure", "08006")));
        assertTrue(Unavailable.is(new NotLeaderOrFollowerException("leader moved")));
        // wrapped, as Hibernate Reactive and Mutiny hand it over
        assertTrue(Unavailable.is(new IllegalStateException("HR000001", new RuntimeException(new ConnectException()))));
    }

    @Test
    void aRecordThatBreaksARuleIsNot() {
        assertFalse(Unavailable.is(new PgException("duplicate key value violates unique constraint", "ERROR", "23505",
                null)));
        assertFalse(Unavailable.is(new PgException("value too long for type character varying(64)", "ERROR", "22001",
                null)));
        assertFalse(Unavailable.is(new IllegalArgumentException("not a Mention event")));
        assertFalse(Unavailable.is(new NoStackTraceThrowable("something else")));
        assertFalse(Unavailable.is(new RecordTooLargeException("too large")));
    }

    @Test
    void workIsTriedAgainWhileTheInfrastructureIsUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Unavailable.retried(() -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().failure(new NoStackTraceThrowable("Pool closed"))
                : Uni.createFrom().item("stored"), "test").await().atMost(Duration.ofSeconds(10));
        assertEquals("stored", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void anyOtherFailureIsPassedOnAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        PgException bad = new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Unavailable.retried(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().<String>failure(bad);
        }, "test").await().atMost(Duration.ofSeconds(10)));
        assertSame(bad, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void aUniqueViolationIsAConflictNotAnOutage() {
        PgException duplicate = new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null);
        assertTrue(Unavailable.conflict(new IllegalStateException("HR000001", duplicate)));
        assertTrue(Unavailable.conflict(new SQLException("conflicting key value violates exclusion constraint", "23P01")));
        assertFalse(Unavailable.conflict(new PgException("null value in column", "ERROR", "23502", null)));
        assertFalse(Unavailable.conflict(new NoStackTraceThrowable("Pool closed")));
    }

    @Test
    void workThatLostARaceToAConcurrentWriterIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Unavailable.retriedThroughConflicts(null, () -> attempts.incrementAndGet() == 1
                ? Uni.createFrom().failure(new PgException("duplicate key value", "ERROR", "23505", null))
                : Uni.createFrom().item("found the row and stored nothing twice"), "test")
                .await().atMost(Duration.ofSeconds(10));
        assertEquals("found the row and stored nothing twice", result);
        assertEquals(2, attempts.get());
    }

    @Test
    void aConflictThatPersistsIsTheRecordsOwnAndIsPassedOn() {
        AtomicInteger attempts = new AtomicInteger();
        PgException duplicate = new PgException("duplicate key value", "ERROR", "23505", null);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Unavailable.retriedThroughConflicts(null,
                () -> {
                    attempts.incrementAndGet();
                    return Uni.createFrom().<String>failure(duplicate);
                }, "test").await().atMost(Duration.ofSeconds(10)));
        assertSame(duplicate, thrown);
        assertEquals(1 + Unavailable.CONFLICT_RETRIES, attempts.get());
    }
}
