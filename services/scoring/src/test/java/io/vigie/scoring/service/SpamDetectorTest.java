package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated texts within the window and link farms are marked; ordinary and spaced-out posts are not. */
class SpamDetectorTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theThirdCopyWithinTheWindowIsSpamWhateverTheLinksAndHandles() {
        SpamDetector spam = new SpamDetector(3, Duration.ofMinutes(10), 100);
        String text = "Win a free Nordlys laptop now, click here";
        assertEquals(List.of(), spam.check(text + " https://t.co/a1 @u1", t0));
        assertEquals(List.of(), spam.check(text.toUpperCase() + " https://t.co/b2 @u2", t0.plusSeconds(60)));
        assertEquals(List.of("spam:repeated"), spam.check(text + " https://t.co/c3 @u3", t0.plusSeconds(120)));
    }

    @Test
    void copiesOutsideTheWindowStartOver() {
        SpamDetector spam = new SpamDetector(2, Duration.ofMinutes(10), 100);
        String text = "My laptop screen flickers since this morning";
        assertEquals(List.of(), spam.check(text, t0));
        assertEquals(List.of(), spam.check(text, t0.plusSeconds(3600)));
    }

    @Test
    void linkFarms() {
        SpamDetector spam = new SpamDetector(3, Duration.ofMinutes(10), 100);
        assertEquals(List.of("spam:links"), spam.check("deals https://a.example/1 https://b.example/2 https://c.example/3", t0));
        assertEquals(List.of(), spam.check("Here is the fix: https://support.example/kb/123 hope it helps everyone", t0));
    }
}
