package io.vigie.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What to generate: seed, time window, mean rate and an optional crisis; two equal options give byte-identical output.
 *
 * @param seed       seed of every random choice
 * @param start      first instant of the window (truncated to whole seconds)
 * @param hours      length of the window in hours
 * @param perHour    mean number of baseline posts per hour over a week (weekends and nights are lower, peaks higher)
 * @param crisisAt   start of the injected crisis, or {@code null} for none; must fall inside the window
 * @param crisisSize number of crisis posts (those that would fall after the window are dropped)
 * @param bursts     injected bursts on top of the baseline (none by default)
 */
public record GeneratorOptions(long seed, Instant start, int hours, double perHour, Instant crisisAt, int crisisSize,
        List<Burst> bursts) {

    public static final long DEFAULT_SEED = 42;
    public static final Instant DEFAULT_START = Instant.parse("2026-11-22T00:00:00Z");
    public static final int DEFAULT_HOURS = 24;
    public static final double DEFAULT_PER_HOUR = 200;
    public static final int DEFAULT_CRISIS_SIZE = 300;
    /** Upper bounds that keep a typo from producing an endless run. */
    public static final int MAX_HOURS = 24 * 366 * 5;
    public static final double MAX_PER_HOUR = 10_000_000;
    public static final int MAX_CRISIS_SIZE = 10_000_000;

    /** Options without bursts. */
    public GeneratorOptions(long seed, Instant start, int hours, double perHour, Instant crisisAt, int crisisSize) {
        this(seed, start, hours, perHour, crisisAt, crisisSize, List.of());
    }

    public GeneratorOptions {
        bursts = bursts == null ? List.of() : List.copyOf(bursts);
        if (start == null) {
            throw new IllegalArgumentException("start is required");
        }
        start = start.truncatedTo(ChronoUnit.SECONDS);
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be between 1 and " + MAX_HOURS + ", got " + hours);
        }
        if (!(perHour > 0) || perHour > MAX_PER_HOUR) {
            throw new IllegalArgumentException("per-hour must be > 0 and <= " + (long) MAX_PER_HOUR + ", got " + perHour);
        }
        if (crisisSize < 1 || crisisSize > MAX_CRISIS_SIZE) {
            throw new IllegalArgumentException("crisis-size must be between 1 and " + MAX_CRISIS_SIZE + ", got " + crisisSize);
        }
        if (crisisAt != null) {
            crisisAt = crisisAt.truncatedTo(ChronoUnit.SECONDS);
            Instant end = start.plus(Duration.ofHours(hours));
            if (crisisAt.isBefore(start) || !crisisAt.isBefore(end)) {
                throw new IllegalArgumentException("crisis-at " + crisisAt + " must fall inside the window [" + start + ", " + end + ")");
            }
        }
    }

    /** The defaults of the command line: seed 42, 2026-11-22T00:00:00Z, 24 hours, 200 per hour, no crisis. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_SEED, DEFAULT_START, DEFAULT_HOURS, DEFAULT_PER_HOUR, null, DEFAULT_CRISIS_SIZE);
    }

    /** First instant after the window. */
    public Instant end() {
        return start.plus(Duration.ofHours(hours));
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(newSeed, start, hours, perHour, crisisAt, crisisSize, bursts);
    }

    public GeneratorOptions withStart(Instant newStart) {
        return new GeneratorOptions(seed, newStart, hours, perHour, crisisAt, crisisSize, bursts);
    }

    public GeneratorOptions withHours(int newHours) {
        return new GeneratorOptions(seed, start, newHours, perHour, crisisAt, crisisSize, bursts);
    }

    public GeneratorOptions withPerHour(double newPerHour) {
        return new GeneratorOptions(seed, start, hours, newPerHour, crisisAt, crisisSize, bursts);
    }

    /** A copy with a crisis of {@code size} posts starting at {@code at} ({@code null} removes the crisis). */
    public GeneratorOptions withCrisis(Instant at, int size) {
        return new GeneratorOptions(seed, start, hours, perHour, at, size, bursts);
    }

    /** A copy with these bursts on top of the baseline. */
    public GeneratorOptions withBursts(List<Burst> newBursts) {
        return new GeneratorOptions(seed, start, hours, perHour, crisisAt, crisisSize, newBursts);
    }
}
