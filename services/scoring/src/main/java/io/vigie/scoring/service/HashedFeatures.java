package io.vigie.scoring.service;

/**
 * What the hashed linear models (sentiment, language pairs) share: the hash that spreads feature ids over the
 * buckets, and the 16-bit fixed point their weights are stored in.
 */
final class HashedFeatures {

    /** Weights are stored with a step of 1/4096 (|w| up to 8). */
    private static final float STEP = 4096f;

    private HashedFeatures() {
    }

    /** Murmur3's finaliser: neighbouring ids land in unrelated buckets. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** A weight as stored. */
    static short quantize(float w) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(w * STEP)));
    }

    /** A stored weight. */
    static float dequantize(short q) {
        return q / STEP;
    }

    /** The weight as it will be once stored and read back. */
    static float roundToStorage(float w) {
        return dequantize(quantize(w));
    }
}
