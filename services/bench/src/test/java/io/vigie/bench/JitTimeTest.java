package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JIT's CPU time is read from a live JVM (this one) and differenced per phase. */
class JitTimeTest {

    @Test
    void readsTheCompilerThreadsOfALiveJvmAndLeavesOutOneThatIsGone() {
        // Make this JVM compile something first, so that its compiler threads have used some CPU.
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        Map<String, Double> read = JitTime.read(Map.of("self", ProcessHandle.current().pid(), "gone", Long.MAX_VALUE));
        assertTrue(read.containsKey("self") && read.get("self") >= 0, read + " " + sum);
        assertEquals(1, read.size(), read.toString());
    }

    @Test
    void theCpuTicksAreTheUserAndSystemFieldsAfterACommandWithSpaces() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 1077936192 12 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";
        assertEquals(1290, JitTime.cpuTicks(stat));
    }

    @Test
    void spentIsTheDifferenceOfTheServicesReadTwice() {
        assertEquals(Map.of("routing", 12.5), JitTime.spent(Map.of("routing", 100.0, "scoring", 3.0),
                Map.of("routing", 112.54, "kafka", 40.0)));
    }
}
