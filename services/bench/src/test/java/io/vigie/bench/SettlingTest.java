package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A warm-up round's JIT share counts the JVMs only: PostgreSQL's CPU neither dilutes nor inflates it. */
class SettlingTest {

    private static ResourceSampler.Usage cpu(double seconds) {
        return new ResourceSampler.Usage(0, 0, 0, 1, seconds);
    }

    @Test
    void theShareIsTheCompilerThreadsCpuOverTheJvmsCpu() {
        Map<String, ResourceSampler.Usage> usage = new LinkedHashMap<>();
        usage.put("postgres", cpu(30));
        usage.put("routing", cpu(8));
        usage.put("scoring", cpu(12));
        assertEquals(0.25, Bench.settling(3, usage, Map.of("routing", 2.0, "scoring", 3.0)), 1e-9);
    }

    @Test
    void noJvmMeansNothingToSettle() {
        assertEquals(0, Bench.settling(1, Map.of("postgres", cpu(5)), Map.of()), 1e-9);
    }
}
