package io.vigie.scoring.domain.radar;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the radar counts, when it calls a surge a spike and how incidents live. {@link #defaults()} gives the values
 * {@code make eval-spikes} was tuned with (docs/radar.md).
 *
 * @param bucket            width of the count buckets of watchlists, topics and scopes
 * @param termBucket        width of the count buckets of terms (coarser: there are many terms)
 * @param windows           detection windows: a spike is tested over each, the most significant wins
 * @param reference         the baseline window, which ends where the longest detection window starts
 * @param priorWeight       weight of the series' long-run rate in its baseline, as seconds of reference
 * @param floorPerHour      lowest baseline rate per kind (a series never seen still expects this much)
 * @param minCount          fewest mentions in a window for a spike, per kind
 * @param minRatio          lowest observed/expected ratio for a spike, per kind
 * @param pValues           tail probability at or under which a watchlist's window is a spike, per sensitivity; the
 *                          broader kinds (terms, topics, scopes) use a hundredth of it (there are many of them, and
 *                          the room asked to watch the watchlists)
 * @param defaultSensitivity sensitivity of series without one of their own ({@code low}, {@code normal}, {@code high})
 * @param sensitivities     sensitivity per watchlist id
 * @param warmUp            how much event time a series (a term: the radar) must have seen before it may alert
 * @param maxLateness       how far behind the radar's clock a mention may arrive and still count in its window
 * @param maxAhead          how far after the wall clock a mention may be stamped and still count: one stamped later (a
 *                          wrong clock, a malformed record) would move the clock past every real mention, which would
 *                          then all be late; it is counted ({@code ahead}), not observed
 * @param idleAfter         wall time after which a silent partition no longer holds the clock back, when the radar is
 *                          live (its clock within {@code liveWindow} of the wall clock)
 * @param replayIdleAfter   the same during a replay or a catch-up (the clock far behind the wall clock): a partition
 *                          read to its end may be silent because the scorer upstream has not produced its records yet
 *                          (it scores the partitions unevenly under load), so it holds the clock back longer
 * @param liveWindow        when every partition is silent and the clock is this close to the wall clock, it follows
 *                          the wall clock (so that a spike resolves without new mentions)
 * @param resolveAfter      quiet time after which an incident is resolved
 * @param reopenWithin      a new spike of the same subject within this time after resolution reopens the incident
 * @param maxFrozen         how long an incident's baseline stays frozen at its value at opening
 * @param updateEvery       shortest event time between two events of one incident
 * @param growFactor        the observed count must grow by this factor for a {@code growing} event
 * @param mergeOverlap      share of a surging series' recent mentions that must already belong to an open incident
 *                          for the series to join it instead of opening its own
 * @param samples           sample mentions an incident keeps
 * @param topTerms          co-occurring terms an event carries
 * @param recentCapacity    recent mentions kept for grouping (overlap) and for backfilling a new incident
 * @param maxTerms          term series tracked at most (new terms are ignored beyond, until pruning)
 * @param maxNewMentions    mentions an event lists as new, at most
 * @param sequentialRatio   the burst size the watchlists' sequential test (a Poisson CUSUM beside the windows) is
 *                          designed for, as a multiple of the baseline; 0 turns the test off
 * @param sequentialThresholds the sequential test's threshold {@code h} per sensitivity (log-likelihood ratio; with
 *                          10-second buckets 8 gives 0.1-0.4 false alarms a day on a steady Poisson baseline of 0.2
 *                          to 30 posts a minute, docs/radar.md)
 */
public record RadarSettings(Duration bucket, Duration termBucket, List<Duration> windows, Duration reference,
        Duration priorWeight, Map<SubjectKind, Double> floorPerHour, Map<SubjectKind, Integer> minCount,
        Map<SubjectKind, Double> minRatio, Map<String, Double> pValues, String defaultSensitivity,
        Map<String, String> sensitivities, Duration warmUp, Duration maxLateness, Duration maxAhead, Duration idleAfter,
        Duration replayIdleAfter, Duration liveWindow, Duration resolveAfter, Duration reopenWithin, Duration maxFrozen, Duration updateEvery,
        double growFactor, double mergeOverlap, int samples, int topTerms, int recentCapacity, int maxTerms,
        int maxNewMentions, double sequentialRatio, Map<String, Double> sequentialThresholds) {

    /** Compact canonical constructor: checks what would make the radar meaningless. */
    public RadarSettings {
        if (bucket.toSeconds() < 1 || termBucket.toSeconds() % bucket.toSeconds() != 0) {
            throw new IllegalArgumentException("bucket must be >= 1 s and divide term-bucket");
        }
        if (replayIdleAfter.compareTo(idleAfter) < 0) {
            throw new IllegalArgumentException("replay-idle-after must be at least idle-after");
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one detection window");
        }
        windows = windows.stream().sorted().toList();
        for (Duration w : windows) {
            if (w.toSeconds() % bucket.toSeconds() != 0) {
                throw new IllegalArgumentException("window " + w + " is not a multiple of the bucket " + bucket);
            }
        }
        if (!pValues.containsKey(defaultSensitivity)) {
            throw new IllegalArgumentException("unknown default sensitivity " + defaultSensitivity + ", one of "
                    + pValues.keySet());
        }
        for (Map.Entry<String, String> e : sensitivities.entrySet()) {
            if (!pValues.containsKey(e.getValue())) {
                throw new IllegalArgumentException("watchlist " + e.getKey() + ": unknown sensitivity " + e.getValue()
                        + ", one of " + pValues.keySet());
            }
        }
        for (SubjectKind k : SubjectKind.values()) {
            if (!floorPerHour.containsKey(k) || !minCount.containsKey(k) || !minRatio.containsKey(k)) {
                throw new IllegalArgumentException("floor, min-count and min-ratio are needed for " + k.id());
            }
        }
        if (sequentialRatio != 0 && sequentialRatio <= 1) {
            throw new IllegalArgumentException("sequential-ratio must be above 1 (or 0: off), got " + sequentialRatio);
        }
        if (!sequentialThresholds.keySet().equals(pValues.keySet())
                || sequentialThresholds.values().stream().anyMatch(h -> !(h > 0))) {
            throw new IllegalArgumentException("sequential thresholds must be positive and given for each of "
                    + pValues.keySet() + ", got " + sequentialThresholds);
        }
        floorPerHour = Map.copyOf(floorPerHour);
        minCount = Map.copyOf(minCount);
        minRatio = Map.copyOf(minRatio);
        pValues = Map.copyOf(pValues);
        sensitivities = Map.copyOf(sensitivities);
        sequentialThresholds = Map.copyOf(sequentialThresholds);
    }

    /** The tuned defaults. */
    public static RadarSettings defaults() {
        return new RadarSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
                List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15)),
                Duration.ofMinutes(60), Duration.ofMinutes(10),
                Map.of(SubjectKind.WATCHLIST, 2.0, SubjectKind.TERM, 3.0, SubjectKind.TOPIC, 2.0, SubjectKind.SCOPE, 2.0),
                Map.of(SubjectKind.WATCHLIST, 6, SubjectKind.TERM, 12, SubjectKind.TOPIC, 10, SubjectKind.SCOPE, 10),
                Map.of(SubjectKind.WATCHLIST, 1.6, SubjectKind.TERM, 3.0, SubjectKind.TOPIC, 1.6, SubjectKind.SCOPE, 1.8),
                Map.of("low", 1e-7, "normal", 1e-5, "high", 1e-4), "normal", Map.of(),
                Duration.ofMinutes(75), Duration.ofMinutes(30), Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(3),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofSeconds(60),
                1.5, 0.3, 5, 5, 10_000, 20_000, 200,
                5, Map.of("low", 11.0, "normal", 9.0, "high", 7.5));
    }

    /** The same settings with other per-watchlist sensitivities. */
    public RadarSettings withSensitivities(Map<String, String> bySubject) {
        return new RadarSettings(bucket, termBucket, windows, reference, priorWeight, floorPerHour, minCount, minRatio,
                pValues, defaultSensitivity, bySubject, warmUp, maxLateness, maxAhead, idleAfter, replayIdleAfter, liveWindow,
                resolveAfter, reopenWithin, maxFrozen, updateEvery, growFactor, mergeOverlap, samples, topTerms, recentCapacity,
                maxTerms, maxNewMentions, sequentialRatio, sequentialThresholds);
    }

    /** The same settings with another design ratio of the watchlists' sequential test (0: off). */
    public RadarSettings withSequentialRatio(double ratio) {
        return new RadarSettings(bucket, termBucket, windows, reference, priorWeight, floorPerHour, minCount, minRatio,
                pValues, defaultSensitivity, sensitivities, warmUp, maxLateness, maxAhead, idleAfter, replayIdleAfter,
                liveWindow, resolveAfter, reopenWithin, maxFrozen, updateEvery, growFactor, mergeOverlap, samples,
                topTerms, recentCapacity, maxTerms, maxNewMentions, ratio, sequentialThresholds);
    }

    /** The tail probability threshold of a series. */
    double pValueOf(SubjectKind kind, String subject) {
        if (kind == SubjectKind.WATCHLIST) {
            return pValues.get(sensitivities.getOrDefault(subject, defaultSensitivity));
        }
        return pValues.get(defaultSensitivity) * BROAD_FACTOR;
    }

    /** The sequential test's threshold of a watchlist. */
    double sequentialThresholdOf(String watchlist) {
        return sequentialThresholds.get(sensitivities.getOrDefault(watchlist, defaultSensitivity));
    }

    /**
     * Threshold of terms, topics and scopes relative to the watchlists'. Topics at 0.1 (1e-6) were tried: more
     * topic incidents opened on ordinary mornings and the watchlists' bursts joined them (eval-spikes 2026-12-03).
     */
    static final double BROAD_FACTOR = 0.01;
}
