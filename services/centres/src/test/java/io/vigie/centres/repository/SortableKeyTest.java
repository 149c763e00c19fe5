package io.vigie.centres.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The batch sums' time keys are written by hand exactly as {@code %020d} writes them (no infrastructure). */
class SortableKeyTest {

    @Test
    void secondsArePaddedAsStringFormatPadsThem() {
        for (long seconds : new long[] {0, 7, 1_764_460_800L, 1_795_996_800L, Long.MAX_VALUE, -1, -86_400}) {
            StringBuilder out = new StringBuilder();
            MetricsWriter.sortable(out, seconds);
            assertEquals(String.format("%020d", seconds), out.toString());
        }
    }
}
