package io.vigie.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Parsing of the command-line flags. */
class CommandLineTest {

    @Test
    void defaultsMatchTheDocumentation() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse(new String[0]);
        GeneratorOptions options = parsed.options();
        assertEquals(42, options.seed());
        assertEquals(Instant.parse("2026-11-22T00:00:00Z"), options.start());
        assertEquals(24, options.hours());
        assertEquals(200, options.perHour());
        assertNull(options.crisisAt());
        assertNull(parsed.out());
    }

    @Test
    void readsEveryFlagInBothSpellings() throws Exception {
        CommandLine.Parsed parsed = CommandLine.parse(new String[]{
                "--seed", "9", "--start=2026-12-01T08:00:00Z", "--hours", "48", "--per-hour=12.5",
                "--crisis-at", "2026-12-02T10:30:00Z", "--crisis-size", "40", "--out", "x/y.jsonl"});
        GeneratorOptions o = parsed.options();
        assertEquals(9, o.seed());
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), o.start());
        assertEquals(48, o.hours());
        assertEquals(12.5, o.perHour());
        assertEquals(Instant.parse("2026-12-02T10:30:00Z"), o.crisisAt());
        assertEquals(40, o.crisisSize());
        assertEquals(Path.of("x/y.jsonl"), parsed.out());
    }

    @Test
    void crisisOutsideTheWindowIsRejected() {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(new String[]{"--crisis-at", "2026-11-21T23:59:59Z"}));
        assertTrue(e.getMessage().contains("crisis-at"), e.getMessage());
    }

    @Test
    void helpWinsOverOtherFlags() throws Exception {
        assertTrue(CommandLine.parse(new String[]{"--hours", "3", "--help"}).help());
    }
}
