package io.vigie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    /** The collections of {@code jfr} that started in [{@code from}, {@code to}); none when there is no recording. */
    public static Usage read(Path jfr, Instant from, Instant to) throws IOException {
        if (!Files.exists(jfr)) {
            return new Usage(0, 0, 0, 0, 0);
        }
        int young = 0;
        int full = 0;
        double youngMs = 0;
        double fullMs = 0;
        double longest = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!"jdk.GarbageCollection".equals(e.getEventType().getName())) {
                    continue;
                }
                Instant at = e.getStartTime();
                if (at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
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
        }
        return new Usage(young, round(youngMs), full, round(fullMs), round(longest));
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
