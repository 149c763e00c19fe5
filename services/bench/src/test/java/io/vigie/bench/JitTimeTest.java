package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JIT's time is read from a live JVM (this one) and differenced per phase. */
class JitTimeTest {

    @Test
    void readsTheCompilationTimeOfALiveJvmAndLeavesOutOneThatIsGone() {
        Map<String, Double> read = JitTime.read(Map.of("self", ProcessHandle.current().pid(), "gone", Long.MAX_VALUE));
        assertTrue(read.get("self") > 0, read.toString());
        assertEquals(1, read.size(), read.toString());
    }

    @Test
    void spentIsTheDifferenceOfTheServicesReadTwice() {
        assertEquals(Map.of("routing", 12.5), JitTime.spent(Map.of("routing", 100.0, "scoring", 3.0),
                Map.of("routing", 112.54, "kafka", 40.0)));
    }
}
