package io.vigie.traffic;

import java.util.List;

/**
 * Small, fully specified pseudo-random generator (SplitMix64 + StrictMath) so output is byte-identical on every JVM.
 */
final class Rng {

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator whose sequence depends only on the seed and the given keys (independent sub-streams). */
    static Rng derive(long seed, long... keys) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (long key : keys) {
            h = mix(h ^ mix(key + 0x9E3779B97F4A7C15L));
        }
        return new Rng(h);
    }

    /** Stable 64-bit hash of a string, for deriving sub-streams from names. */
    static long hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [from, to] inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** Index drawn in proportion to the given non-negative weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    /** Standard normal deviate (Box-Muller). */
    double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Poisson deviate: exact for small means, normal approximation for large ones. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            double p = nextDouble();
            int k = 0;
            while (p > limit) {
                p *= nextDouble();
                k++;
            }
            return k;
        }
        long k = StrictMath.round(mean + StrictMath.sqrt(mean) * gaussian());
        return (int) Math.max(0, k);
    }

    /** Log-normal deviate with the given median and shape. */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Pareto deviate (heavy tail) with minimum xm and tail index alpha. */
    double pareto(double xm, double alpha) {
        double u = 1.0 - nextDouble();
        return xm / StrictMath.pow(u, 1.0 / alpha);
    }

    /** Mixed-case letters and digits, as in short links and media ids. */
    String base62(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A string of decimal digits not starting with 0. */
    String digits(int length) {
        StringBuilder sb = new StringBuilder(length);
        sb.append((char) ('1' + nextInt(9)));
        for (int i = 1; i < length; i++) {
            sb.append((char) ('0' + nextInt(10)));
        }
        return sb.toString();
    }
}
