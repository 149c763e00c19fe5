package io.vigie.apisupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A configured start moves the clock there and lets it run; none (or blank) is the system clock. */
class ClocksTest {

    @Test
    void aStartMovesTheClockThereAndItRuns() throws InterruptedException {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        Clock clock = Clocks.startingAt(Optional.of("2026-11-23T10:00:00Z"));
        Instant first = clock.instant();
        assertTrue(Duration.between(start, first).abs().toSeconds() < 5, first.toString());
        Thread.sleep(20);
        assertTrue(clock.instant().isAfter(first));
    }

    @Test
    void noStartIsTheSystemClock() {
        for (Optional<String> none : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            Instant now = Instant.now();
            assertTrue(Duration.between(now, Clocks.startingAt(none).instant()).abs().toSeconds() < 5);
            assertEquals(java.time.ZoneOffset.UTC, Clocks.startingAt(none).getZone());
        }
    }

    @Test
    void aStartThatIsNoInstantIsRefused() {
        assertThrows(DateTimeParseException.class, () -> Clocks.startingAt(Optional.of("Monday 10:00")));
    }
}
