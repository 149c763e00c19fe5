package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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

    /** The one-pass fingerprint is the split-and-filter one it replaced, on texts of every kind. */
    @Test
    void theFingerprintIsTheTokenFilterOfBefore() {
        List<String> fixed = List.of("", " ", "   ", "@a @b", "123 456", "  Win a free LAPTOP  now!! ",
                "https://t.co/x Merci 😡😡 #help", "www.example.com ok", "http: // x", "ÉCRAN noir 4K 2 fois",
                "a\u00a0b  c", "𝕏 posts 🚀 go", "trailing 42", "42 leading", "x@y mail", "tab\tinside word");
        for (String t : fixed) {
            assertEquals(reference(t), SpamDetector.fingerprint(t), t);
        }
        String alphabet = " @.:/hwtps0123abcXYZéÉ😡🚀#!\u00a0\t";
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder t = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                t.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(
                        alphabet.codePointCount(0, alphabet.length())))));
            }
            assertEquals(reference(t.toString()), SpamDetector.fingerprint(t.toString()), t.toString());
        }
    }

    /** The fingerprint as it was written before (split on spaces, a stream of code points per token). */
    private static String reference(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (String token : s.toLowerCase(Locale.ROOT).split(" ")) {
            if (token.isEmpty() || token.startsWith("@") || TextNormalizer.startsUrl(token, 0)) {
                continue;
            }
            token.codePoints().filter(cp -> !Character.isDigit(cp) && (Character.isLetter(cp)
                    || Character.getType(cp) == Character.OTHER_SYMBOL)).forEach(out::appendCodePoint);
            out.append(' ');
        }
        return out.toString().trim();
    }
}
