package io.vigie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a service's JFR recording for its garbage collections within a phase: a service stopped for a collection
 * delays every record it holds, so the pauses bound a phase's p99 from below (a 1.3 s full collection of the scorer in
 * a 36 s latency phase at 500 mentions/s delays 650 mentions, 7 % of them).
 */
public final class GcPauses {

    private GcPauses() {
    }

    /**
     * The collections that started within a phase.
     *
     * @param young      the other collections: young ones (DefNew, PSYoungGen, G1New: G1's young and mixed pauses)
     *                   and G1's concurrent cycles (G1Old: only their remark and cleanup pauses stop the service)
     * @param youngMs    their pauses summed, ms
     * @param full       full (old generation) collections: SerialOld, ParallelOld, a G1 full collection
     * @param fullMs     their pauses summed, ms
     * @param longestMs  the longest single pause, ms
     */
    public record Usage(int young, double youngMs, int full, double fullMs, double longestMs) {

        /** The pauses of all collections, ms. */
        public double totalMs() {
            return youngMs + fullMs;
        }
    }

    /** A timed phase: the collections that started in [{@code from}, {@code to}) are its own. */
    public record Window(Instant from, Instant to) {

        boolean contains(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /**
     * The collections of {@code jfr} within each phase, in one pass over the recording; none when there is no
     * recording.
     */
    public static Map<String, Usage> read(Path jfr, Map<String, Window> phases) throws IOException {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        phases.keySet().forEach(name -> tallies.put(name, new Tally()));
        if (Files.exists(jfr)) {
            try (RecordingFile file = new RecordingFile(jfr)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    if (!"jdk.GarbageCollection".equals(e.getEventType().getName())) {
                        continue;
                    }
                    for (Map.Entry<String, Window> phase : phases.entrySet()) {
                        if (phase.getValue().contains(e.getStartTime())) {
                            tallies.get(phase.getKey()).add(e);
                        }
                    }
                }
            }
        }
        Map<String, Usage> out = new LinkedHashMap<>();
        tallies.forEach((name, t) -> out.put(name, t.usage()));
        return out;
    }

    private static final class Tally {
        private int young;
        private int full;
        private double youngMs;
        private double fullMs;
        private double longest;

        void add(RecordedEvent e) {
            double pauses = millis(e.getDuration("sumOfPauses"));
            longest = Math.max(longest, millis(e.getDuration("longestPause")));
            if (isFull(e.getString("name"))) {
                full++;
                fullMs += pauses;
            } else {
                young++;
                youngMs += pauses;
            }
        }

        Usage usage() {
            return new Usage(young, round(youngMs), full, round(fullMs), round(longest));
        }
    }

    /** Whether a collector's name (JFR's {@code jdk.GarbageCollection.name}) is a collection of the whole heap. */
    static boolean isFull(String collector) {
        return switch (collector) {
            case "SerialOld", "ParallelOld", "G1Full", "Full" -> true;
            default -> false;
        };
    }

    private static double millis(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e6;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
