package io.vigie.scoring.service;

import java.util.Map;

/**
 * The language identifier's n-gram rows, keyed by the n-gram packed into a {@code long} (at most three UTF-16 chars:
 * 48 bits, and the length above them), in an open-addressing table. A {@code HashMap<String, float[]>} spent about
 * 15 % of the scoring service's samples here (docs/performance.md, 2026-12-06): short strings' hash codes
 * ({@code 31 * a + b}) collide in dense runs, so many buckets had become tree bins, and every lookup needed a
 * {@code substring}. A packed key is exact (no two n-grams share one) and needs no string.
 */
final class GramIndex {

    /** The longest n-gram a key holds. */
    static final int MAX_LENGTH = 3;

    private final long[] keys;
    private final float[][] rows;
    private final int mask;

    private GramIndex(int capacity) {
        int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        this.keys = new long[size];
        this.rows = new float[size][];
        this.mask = size - 1;
    }

    /** An index of the given rows (n-grams of one to {@link #MAX_LENGTH} chars). */
    static GramIndex of(Map<String, float[]> rows) {
        GramIndex index = new GramIndex(rows.size());
        for (Map.Entry<String, float[]> e : rows.entrySet()) {
            String gram = e.getKey();
            if (gram.isEmpty() || gram.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("an n-gram of 1 to " + MAX_LENGTH + " chars expected: '" + gram + "'");
            }
            index.put(key(gram, 0, gram.length()), e.getValue());
        }
        return index;
    }

    /** The key of {@code s[from, to)}, which holds 1 to {@link #MAX_LENGTH} chars. Never 0. */
    static long key(CharSequence s, int from, int to) {
        long k = to - from;
        for (int i = from; i < to; i++) {
            k = k << 16 | s.charAt(i);
        }
        return k;
    }

    /** The row of a key, or null. */
    float[] get(long key) {
        int i = slot(key);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private void put(long key, float[] row) {
        int i = slot(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        rows[i] = row;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits mix every char
        return (int) (h >>> 40) & mask;
    }
}
