package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bench's options: documented defaults, and errors that name the option. */
class BenchOptionsTest {

    @Test
    void defaultsAreTheDocumentedRun() {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertEquals(500, o.rate());
        assertEquals(10_000, o.warmup());
        assertEquals(10_000_000, o.reportMentions());
        assertEquals(Set.copyOf(BenchOptions.STEPS), o.steps());
        // the options every launcher of the services reads (infra/service.jvm), not a copy of them
        assertTrue(o.jvmOptions().containsAll(List.of("-Xmx256m", "-XX:+UseSerialGC")), o.jvmOptions().toString());
        assertTrue(o.jvmOptions().stream().anyMatch(x -> x.startsWith("-XX:MaxHeapFreeRatio=")), o.jvmOptions().toString());
    }

    @Test
    void parsesValues() {
        BenchOptions o = BenchOptions.parse(new String[] { "--mentions", "1_000", "--steps", "raw,reports", "--jfr",
                "false", "--warmup", "500" });
        assertEquals(1000, o.mentions());
        assertEquals(500, o.warmup());
        assertEquals(Set.of("raw", "reports"), o.steps());
        assertTrue(!o.jfr());
    }

    @Test
    void badInputNamesTheOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] { "--rate", "-3" }));
        assertTrue(e.getMessage().contains("--rate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] { "--speed", "3" }));
        assertTrue(e.getMessage().contains("--speed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] { "--steps", "x" }));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }
}
