package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank. */
class StatsTest {

    @Test
    void nearestRankPercentiles() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 100 - i;
        }
        Stats s = new Stats(v);
        assertEquals(50, s.percentile(50));
        assertEquals(99, s.percentile(99));
        assertEquals(100, s.percentile(100));
        assertEquals(1, s.percentile(0.5));
        assertEquals(100, s.max());
        assertEquals(50.5, s.mean());
    }

    @Test
    void emptyAndBadInput() {
        assertTrue(Double.isNaN(new Stats(new double[0]).percentile(50)));
        assertThrows(IllegalArgumentException.class, () -> new Stats(new double[] { 1 }).percentile(0));
    }
}
