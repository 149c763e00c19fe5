package io.vigie.centres.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merge of tiles' busiest lists (ADR 0123) against a brute-force count of every tile: the bound it gives is never
 * below the true count of a key it did not read, and when it says the top is exact, it is.
 */
class TopListMergeTest {

    private static final int TOP = 10;

    /** One random period: tiles of keys drawn skewed (Zipf-like, as real questions) or uniformly. */
    private static List<Map<Integer, Long>> tiles(Random random, boolean skewed) {
        int tiles = 1 + random.nextInt(40);
        int keys = 50 + random.nextInt(5_000);
        List<Map<Integer, Long>> out = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            Map<Integer, Long> tile = new HashMap<>();
            int draws = random.nextInt(600);
            for (int i = 0; i < draws; i++) {
                int key = skewed ? (int) Math.min(keys - 1, Math.floor(Math.pow(keys, random.nextDouble())) - 1)
                        : random.nextInt(keys);
                tile.merge(key, 1L, Long::sum);
            }
            out.add(tile);
        }
        return out;
    }

    /** The busiest {@code n} of a tile (ties broken by key), as the index scan of the busiest rows reads them. */
    private static Map<Integer, Long> busiest(Map<Integer, Long> tile, int n) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        tile.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void theBoundHoldsAndAnExactAnswerIsTheTrueTop() {
        Random random = new Random(20261206);
        int exactSkewed = 0;
        int approximate = 0;
        for (int run = 0; run < 400; run++) {
            boolean skewed = run % 2 == 0;
            List<Map<Integer, Long>> tiles = tiles(random, skewed);
            int perTile = 1 + random.nextInt(60);
            Map<Integer, Long> truth = new HashMap<>();
            TopListMerge<Integer> merge = new TopListMerge<>(Comparator.<Integer>naturalOrder());
            for (Map<Integer, Long> tile : tiles) {
                tile.forEach((k, n) -> truth.merge(k, n, Long::sum));
                Map<Integer, Long> list = busiest(tile, perTile);
                merge.tile(list, list.size() < perTile);
            }
            List<Integer> candidates = merge.candidates(3 * TOP);
            for (int k : truth.keySet()) {
                assertTrue(merge.upper(k) >= truth.get(k), "upper bound of " + k + " in run " + run);
            }
            long outside = merge.boundOutside(candidates);
            Set<Integer> read = Set.copyOf(candidates);
            for (Map.Entry<Integer, Long> e : truth.entrySet()) {
                if (!read.contains(e.getKey())) {
                    assertTrue(e.getValue() <= outside, "key " + e.getKey() + " unread in run " + run + " counts "
                            + e.getValue() + " > bound " + outside);
                }
            }
            Comparator<Integer> byCount = Comparator.<Integer>comparingLong(truth::get).reversed()
                    .thenComparing(Comparator.naturalOrder());
            List<Integer> answer = candidates.stream().sorted(byCount).limit(TOP).toList();
            boolean exact = !answer.isEmpty() && TopListMerge.trueTop(outside, answer.size(), TOP, truth.get(answer.get(answer.size() - 1)));
            if (exact) {
                // A true top: the counts of the true top, whichever of the clusters tied with the last are shown.
                List<Long> expected = truth.keySet().stream().sorted(byCount).limit(TOP).map(truth::get).toList();
                assertEquals(expected, answer.stream().map(truth::get).toList(), "run " + run);
                exactSkewed += skewed ? 1 : 0;
            } else {
                approximate++;
            }
        }
        // Both paths were taken: most skewed periods are answered exactly, and some periods are not provable.
        assertTrue(exactSkewed > 100, "skewed periods answered exactly: " + exactSkewed);
        assertTrue(approximate > 20, "periods left approximate: " + approximate);
    }

    @Test
    void completeListsGiveExactCountsAndNoBound() {
        TopListMerge<String> merge = new TopListMerge<>(Comparator.<String>naturalOrder());
        merge.tile(Map.of("a", 3L, "b", 1L), true);
        merge.tile(Map.of("b", 4L, "c", 2L), true);
        assertEquals(List.of("b", "a", "c"), merge.candidates(5));
        assertEquals(5, merge.upper("b"));
        assertEquals(0, merge.boundOutside(List.of("a", "b", "c")));
        assertEquals(2, merge.boundOutside(List.of("a", "b")));
    }

    @Test
    void aListCutShortBoundsWhatItLeftOut() {
        TopListMerge<String> merge = new TopListMerge<>(Comparator.<String>naturalOrder());
        // The first tile's list was cut after its two busiest: any other key counts at most 4 there.
        merge.tile(Map.of("a", 9L, "b", 4L), false);
        merge.tile(Map.of("c", 5L), true);
        assertEquals(9 + 0, merge.upper("a"));
        assertEquals(5 + 4, merge.upper("c"));
        assertEquals(4, merge.upper("never-listed"));
        assertEquals(List.of("a", "c", "b"), merge.candidates(3));
        assertEquals(9, merge.boundOutside(List.of("a")));
    }
}
