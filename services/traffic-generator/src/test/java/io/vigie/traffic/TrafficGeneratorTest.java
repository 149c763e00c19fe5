package io.vigie.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism of the generator and behaviour of its command line. */
class TrafficGeneratorTest {

    private static final GeneratorOptions SIX_HOURS_WITH_CRISIS = GeneratorOptions.defaults()
            .withSeed(7).withHours(6).withPerHour(300).withCrisis(Instant.parse("2026-11-22T03:00:00Z"), 150);

    @TempDir
    Path tmp;

    private static String render(GeneratorOptions options) throws IOException {
        StringWriter out = new StringWriter();
        long lines = new TrafficGenerator(options).writeTo(out);
        assertTrue(lines > 0);
        return out.toString();
    }

    @Test
    void sameSeedAndOptionsGiveIdenticalOutput() throws IOException {
        String first = render(SIX_HOURS_WITH_CRISIS);
        String second = render(SIX_HOURS_WITH_CRISIS);
        assertEquals(first, second);
        assertTrue(first.endsWith("\n"));
        assertEquals(new TrafficGenerator(SIX_HOURS_WITH_CRISIS).lines().toList(), List.of(first.split("\n")));
    }

    @Test
    void differentSeedOrOptionsGiveDifferentOutput() throws IOException {
        String base = render(SIX_HOURS_WITH_CRISIS);
        assertNotEquals(base, render(SIX_HOURS_WITH_CRISIS.withSeed(8)));
        assertNotEquals(base, render(SIX_HOURS_WITH_CRISIS.withPerHour(301)));
        assertNotEquals(base, render(SIX_HOURS_WITH_CRISIS.withCrisis(null, 150)));
    }

    @Test
    void commandLineWritesTheSameBytesAsTheApi() throws IOException {
        Path file = tmp.resolve("out/mentions.jsonl");
        Output out = run("--seed", "7", "--start", "2026-11-22T00:00:00Z", "--hours", "6", "--per-hour", "300",
                "--crisis-at", "2026-11-22T03:00:00Z", "--crisis-size", "150", "--out", file.toString());
        assertEquals(0, out.code, out.err);
        assertArrayEquals(render(SIX_HOURS_WITH_CRISIS).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertTrue(out.err.contains("wrote"), out.err);
    }

    @Test
    void commandLineWritesToStandardOutputByDefault() throws IOException {
        Output out = run("--hours=1", "--per-hour=50", "--crisis-at=none");
        assertEquals(0, out.code, out.err);
        assertEquals(render(GeneratorOptions.defaults().withHours(1).withPerHour(50)), out.out);
    }

    @Test
    void helpPrintsUsage() {
        Output out = run("--help");
        assertEquals(0, out.code);
        assertTrue(out.out.contains("Usage: traffic-generator"));
        assertTrue(out.out.contains("--crisis-at"));
    }

    @Test
    void badArgumentsExitWithCode2AndAClearMessage() {
        String[][] cases = {
                {"--hours", "abc"},
                {"--hours", "0"},
                {"--per-hour", "-5"},
                {"--per-hour", "0"},
                {"--seed", "forty-two"},
                {"--start", "yesterday"},
                {"--crisis-at", "2026-11-23T05:00:00Z"},
                {"--crisis-at", "soon"},
                {"--crisis-size", "0"},
                {"--seed"},
                {"--bogus", "1"},
                {"mentions.jsonl"},
        };
        for (String[] args : cases) {
            Output out = run(args);
            assertEquals(TrafficGenerator.EXIT_USAGE, out.code, String.join(" ", args));
            assertTrue(out.out.isEmpty(), "nothing on stdout for " + String.join(" ", args));
            assertTrue(out.err.startsWith("traffic-generator: "), out.err);
            String flag = args[0].startsWith("--") ? args[0] : "unexpected argument";
            assertTrue(out.err.contains(flag) || out.err.contains(flag.substring(2)), "message should name " + flag + ": " + out.err);
            assertTrue(out.err.contains("--help"), out.err);
        }
    }

    @Test
    void unwritableOutputExitsWithCode1() throws IOException {
        Path directory = Files.createDirectories(tmp.resolve("a-directory"));
        Output out = run("--hours", "1", "--out", directory.toString());
        assertEquals(TrafficGenerator.EXIT_IO, out.code);
        assertFalse(out.err.isEmpty());
    }

    /** Exit code and captured streams of one command-line run. */
    private record Output(int code, String out, String err) {
    }

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TrafficGenerator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
