package io.vigie.ingestion.domain.query;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiled watchlists with a pre-filter: for each query, a set of words one of which any matching text must contain
 * (its "anchors"); a mention is evaluated only against the queries anchored on one of its words, plus those without
 * anchors (pure NOT, field-only or prefix-only queries). Results are those of evaluating every query.
 */
public final class WatchlistIndex {

    private final List<String> ids;
    private final List<Query> queries;
    private final Map<String, int[]> byWord;
    private final int[] always;

    /** Builds the index over queries in order; {@code ids.get(i)} names {@code queries.get(i)}. */
    public WatchlistIndex(List<String> ids, List<Query> queries) {
        this.ids = List.copyOf(ids);
        this.queries = List.copyOf(queries);
        Map<String, List<Integer>> words = new HashMap<>();
        List<Integer> unanchored = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Set<String> anchors = anchors(queries.get(i));
            if (anchors == null) {
                unanchored.add(i);
            } else {
                for (String w : anchors) {
                    words.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
                }
            }
        }
        this.byWord = new HashMap<>();
        words.forEach((w, l) -> byWord.put(w, l.stream().mapToInt(Integer::intValue).toArray()));
        this.always = unanchored.stream().mapToInt(Integer::intValue).toArray();
    }

    /** How many watchlists are indexed. */
    public int size() {
        return ids.size();
    }

    /** The ids of the matching watchlists, in index order. */
    public List<String> matching(MatchDocument doc) {
        BitSet candidates = new BitSet(ids.size());
        for (int i : always) {
            candidates.set(i);
        }
        for (String w : doc.distinctWords()) {
            int[] l = byWord.get(w);
            if (l != null) {
                for (int i : l) {
                    candidates.set(i);
                }
            }
        }
        List<String> out = new ArrayList<>(2);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (queries.get(i).matches(doc)) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    /** Words one of which a text must contain for {@code q} to match; null when there is no such set. */
    static Set<String> anchors(Query q) {
        if (q instanceof Query.Word w) {
            return Set.of(w.word());
        }
        if (q instanceof Query.Phrase p) {
            return Set.of(p.words().get(0));
        }
        if (q instanceof Query.Near n) {
            Set<String> l = anchors(n.left());
            return l != null ? l : anchors(n.right());
        }
        if (q instanceof Query.And a) {
            Set<String> best = null;
            for (Query part : a.parts()) {
                Set<String> s = anchors(part);
                if (s != null && (best == null || s.size() < best.size())) {
                    best = s;
                }
            }
            return best;
        }
        if (q instanceof Query.Or o) {
            Set<String> all = new HashSet<>();
            for (Query part : o.parts()) {
                Set<String> s = anchors(part);
                if (s == null) {
                    return null;
                }
                all.addAll(s);
            }
            return all;
        }
        return null; // Prefix, Field, Not: no word is required
    }
}
