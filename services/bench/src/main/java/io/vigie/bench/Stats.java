package io.vigie.bench;

import java.util.Arrays;

/** Exact percentiles of a set of samples (sorted copy, nearest rank). */
public final class Stats {

    private final double[] sorted;

    /** Over the given samples (copied). */
    public Stats(double[] samples) {
        this.sorted = samples.clone();
        Arrays.sort(this.sorted);
    }

    /** Number of samples. */
    public int count() {
        return sorted.length;
    }

    /** The p-th percentile, 0 &lt; p &le; 100, by nearest rank; NaN without samples. */
    public double percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The largest sample; NaN without samples. */
    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** The mean; NaN without samples. */
    public double mean() {
        return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).sum() / sorted.length;
    }
}
