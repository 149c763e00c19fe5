package io.vigie.centres.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The most frequent keys of a period from each of its tiles' busiest lists (ADR 0123), without reading every row of
 * every tile: a tile (a day, an hour) gives its busiest keys with their exact counts in that tile, or all of them. A
 * key missing from a tile's list that was cut short has at most the smallest count of that list there, so every key
 * has an upper bound: its counts where listed plus those bounds where not. The caller reads the exact totals of the
 * {@link #candidates} and asks {@link #boundOutside} how many a key it did not read can have at most: when that is
 * below the last count it keeps, its list is the exact top (the threshold argument of Fagin's and of TPUT, and the
 * error bound of Elasticsearch's terms aggregation).
 *
 * @param <K> the key (a question cluster)
 */
public final class TopListMerge<K> {

    private static final class Tally {
        long listed;
        long boundWhereListed;

        /** Its counts where listed plus, where not, the bounds of those tiles (all bounds minus its tiles'). */
        long upper(long bound) {
            return listed + bound - boundWhereListed;
        }
    }

    private final Map<K, Tally> tallies = new HashMap<>();
    private final Comparator<K> keyOrder;
    private long bound;

    /** @param keyOrder the order of keys of equal counts (the report's tie-break), for a deterministic answer */
    public TopListMerge(Comparator<K> keyOrder) {
        this.keyOrder = keyOrder;
    }

    /**
     * Adds one tile's list.
     *
     * @param counts   keys of the tile with their counts there
     * @param complete whether the list holds every key of the tile (else it holds its busiest ones)
     */
    public void tile(Map<K, Long> counts, boolean complete) {
        long tileBound = complete || counts.isEmpty() ? 0 : counts.values().stream().mapToLong(Long::longValue).min().getAsLong();
        bound += tileBound;
        counts.forEach((k, n) -> {
            Tally t = tallies.computeIfAbsent(k, x -> new Tally());
            t.listed += n;
            t.boundWhereListed += tileBound;
        });
    }

    /** The most a key can count over all tiles added. */
    public long upper(K key) {
        Tally t = tallies.get(key);
        return t == null ? bound : t.upper(bound);
    }

    /** Up to {@code n} keys most worth reading exactly: highest listed count first, then highest upper bound. */
    public List<K> candidates(int n) {
        record Ranked<K>(K key, long listed, long upper) {
        }
        Comparator<Ranked<K>> best = Comparator.<Ranked<K>>comparingLong(r -> -r.listed()).thenComparingLong(r -> -r.upper())
                .thenComparing(Ranked::key, keyOrder);
        // The n best in a heap whose head is the worst of them: n log n per key instead of sorting every key.
        PriorityQueue<Ranked<K>> kept = new PriorityQueue<>(n + 1, best.reversed());
        tallies.forEach((k, t) -> {
            Ranked<K> r = new Ranked<>(k, t.listed, t.upper(bound));
            if (kept.size() < n) {
                kept.add(r);
            } else if (n > 0 && best.compare(r, kept.peek()) < 0) {
                kept.poll();
                kept.add(r);
            }
        });
        List<Ranked<K>> out = new ArrayList<>(kept);
        out.sort(best);
        return out.stream().map(Ranked::key).toList();
    }

    /**
     * The most any key outside {@code read} can count over all tiles: a key listed somewhere, by its bound, or one
     * listed nowhere, by the sum of the tiles' bounds. 0 when every key was read and every list was complete.
     */
    public long boundOutside(Collection<K> read) {
        Set<K> done = read instanceof Set<K> s ? s : Set.copyOf(read);
        long max = bound;
        for (Map.Entry<K, Tally> e : tallies.entrySet()) {
            if (!done.contains(e.getKey())) {
                max = Math.max(max, e.getValue().upper(bound));
            }
        }
        return max;
    }

    /**
     * Whether the {@code kept} keys read exactly and kept (the last of them counting {@code last}) of {@code limit}
     * asked are a true top when no key left unread counts more than {@code outside}: none can beat the last kept (ties
     * with it may be broken either way), or, when fewer than asked were kept, none was left.
     */
    public static boolean trueTop(long outside, int kept, int limit, long last) {
        return kept >= limit ? outside <= last : outside == 0;
    }
}
