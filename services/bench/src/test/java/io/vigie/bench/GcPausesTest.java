package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collections of a phase are read from a real JFR recording (this JVM's), and rendered from a results file. */
class GcPausesTest {

    @TempDir
    Path dir;

    @Test
    void countsTheCollectionsThatStartedWithinThePhase() throws Exception {
        Path jfr = dir.resolve("self.jfr");
        Instant from;
        Instant to;
        try (Recording r = new Recording()) {
            r.enable("jdk.GarbageCollection");
            r.start();
            from = Instant.now();
            List<byte[]> garbage = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                garbage.add(new byte[64 * 1024]);
                if (garbage.size() > 100) {
                    garbage.clear();
                }
            }
            System.gc(); // a full collection (with G1, SerialGC or ParallelGC alike, unless told to run it concurrently)
            to = Instant.now();
            r.stop();
            r.dump(jfr);
        }
        Map<String, GcPauses.Window> phases = new java.util.LinkedHashMap<>();
        phases.put("Before", new GcPauses.Window(from.minusSeconds(60), from.minusSeconds(30)));
        phases.put("During", new GcPauses.Window(from, to.plusMillis(1)));
        Map<String, GcPauses.Usage> read = GcPauses.read(jfr, phases);
        GcPauses.Usage phase = read.get("During");
        assertTrue(phase.full() >= 1, phase.toString());
        assertTrue(phase.fullMs() > 0 && phase.longestMs() > 0, phase.toString());
        assertEquals(phase.youngMs() + phase.fullMs(), phase.totalMs(), 1e-9);
        GcPauses.Usage none = new GcPauses.Usage(0, 0, 0, 0, 0);
        assertEquals(none, read.get("Before"));
        assertEquals(Map.of("Before", none, "During", none), GcPauses.read(dir.resolve("none.jfr"), phases));
    }

    @Test
    void fullCollectionsAreThoseOfTheWholeHeap() {
        for (String full : List.of("SerialOld", "ParallelOld", "G1Full")) {
            assertTrue(GcPauses.isFull(full), full);
        }
        for (String other : List.of("DefNew", "PSYoungGen", "G1New", "G1Old")) {
            assertFalse(GcPauses.isFull(other), other);
        }
    }

    /** A phase's collections render from a results file too (plain maps), in the table and in the resources. */
    @Test
    void rendersCollectionsReadBack() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = mapper.readValue(Path.of("../../docs/performance-results.json").toFile(), Map.class);
        Map<String, GcPauses.Usage> gc = Map.of("scoring", new GcPauses.Usage(17, 1866, 3, 2659, 1330));
        r.put("gcLatency", mapper.readValue(mapper.writeValueAsString(gc), Map.class));
        String text = PerformanceDoc.render(r, dir.resolve("results.json"));
        assertTrue(text.contains("total / longest ms | scoring 4,525 / 1,330 |"), text);
        assertTrue(text.contains("scoring 17 other (1,866 ms), 3 full (2,659 ms), longest 1,330 ms"), text);
    }
}
