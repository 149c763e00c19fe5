package io.vigie.traffic;

import java.time.Instant;
import java.util.Arrays;

/**
 * When the posts of an injected crisis happen: a few early reports, a ramp over the first half hour, a plateau,
 * then a slow decay (half-life 45 minutes, cut after 6 hours); also who speaks (languages, networks).
 */
final class CrisisPlan {

    static final long RAMP_SECONDS = 30 * 60;
    static final long PLATEAU_END_SECONDS = 60 * 60;
    static final long HALF_LIFE_SECONDS = 45 * 60;
    static final long DURATION_SECONDS = 6 * 3600;
    /** News sites pick the story up only after a while. */
    static final long NEWS_DELAY_SECONDS = 40 * 60;

    /** Crisis languages, in {@link Language} order: English first but clearly multilingual. */
    private static final double[] LANGUAGE_WEIGHTS = {.45, .12, .12, .08, .09, .06, .05, .03};
    /** Crisis networks, in {@link Network} order. */
    private static final double[] NETWORK_WEIGHTS = {.55, .18, .20, .02, .05};

    private final long startSecond;
    private final long[] offsets;

    /** A plan of {@code size} posts from {@code start}, drawn with {@code rng}. */
    CrisisPlan(Instant start, int size, Rng rng) {
        this.startSecond = start.getEpochSecond();
        this.offsets = new long[size];
        for (int i = 0; i < size; i++) {
            long t;
            do {
                t = (long) (rng.nextDouble() * DURATION_SECONDS);
            } while (!rng.chance(density(t)));
            offsets[i] = t;
        }
        Arrays.sort(offsets);
    }

    /** Relative intensity (peak 1) at {@code t} seconds after the start. */
    static double density(long t) {
        if (t < RAMP_SECONDS) {
            return 0.05 + 0.95 * t / (double) RAMP_SECONDS;
        }
        if (t < PLATEAU_END_SECONDS) {
            return 1.0;
        }
        return StrictMath.pow(0.5, (t - PLATEAU_END_SECONDS) / (double) HALF_LIFE_SECONDS);
    }

    int size() {
        return offsets.length;
    }

    /** Epoch second of the i-th crisis post (sorted). */
    long second(int i) {
        return startSecond + offsets[i];
    }

    Language language(Rng rng) {
        return Language.values()[rng.weighted(LANGUAGE_WEIGHTS)];
    }

    Network network(long epochSecond, Rng rng) {
        Network network = Network.values()[rng.weighted(NETWORK_WEIGHTS)];
        if (network == Network.RSS && epochSecond - startSecond < NEWS_DELAY_SECONDS) {
            return Network.X;
        }
        return network;
    }
}
