package io.vigie.ingestion.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parsed watchlist query: a tree of boolean operators over words, prefixes, phrases, proximity and field tests. */
public sealed interface Query {

    /** Whether the document satisfies this query. */
    boolean matches(MatchDocument doc);

    /** Fields a query can test with {@code name:value}. */
    enum FieldName {
        AUTHOR, LANG, NETWORK, SPACE;

        /** The name as written in queries. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A query part that occupies word positions in the text, so that NEAR can measure distances. */
    sealed interface Spanning extends Query {

        /** Every occurrence as {@code [firstWord, lastWord]}. */
        List<int[]> spans(MatchDocument doc);
    }

    /** One word, folded. */
    record Word(String word) implements Spanning {
        @Override
        public boolean matches(MatchDocument doc) {
            return doc.positions(word).length > 0;
        }

        @Override
        public List<int[]> spans(MatchDocument doc) {
            List<int[]> spans = new ArrayList<>();
            for (int p : doc.positions(word)) {
                spans.add(new int[] { p, p });
            }
            return spans;
        }
    }

    /** Any word starting with a folded prefix ({@code word*}). */
    record Prefix(String prefix) implements Spanning {
        @Override
        public boolean matches(MatchDocument doc) {
            for (String w : doc.distinctWords()) {
                if (w.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<int[]> spans(MatchDocument doc) {
            List<int[]> spans = new ArrayList<>();
            for (String w : doc.distinctWords()) {
                if (w.startsWith(prefix)) {
                    for (int p : doc.positions(w)) {
                        spans.add(new int[] { p, p });
                    }
                }
            }
            return spans;
        }
    }

    /** Consecutive folded words ({@code "exact phrase"}). */
    record Phrase(List<String> words) implements Spanning {
        @Override
        public boolean matches(MatchDocument doc) {
            int[] starts = doc.positions(words.get(0));
            for (int start : starts) {
                if (at(doc, start)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<int[]> spans(MatchDocument doc) {
            List<int[]> spans = new ArrayList<>();
            for (int start : doc.positions(words.get(0))) {
                if (at(doc, start)) {
                    spans.add(new int[] { start, start + words.size() - 1 });
                }
            }
            return spans;
        }

        private boolean at(MatchDocument doc, int start) {
            List<String> all = doc.words();
            if (start + words.size() > all.size()) {
                return false;
            }
            for (int i = 1; i < words.size(); i++) {
                if (!all.get(start + i).equals(words.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Two parts at most {@code distance} words apart, in either order ({@code a NEAR/3 b}). */
    record Near(Spanning left, Spanning right, int distance) implements Spanning {
        @Override
        public boolean matches(MatchDocument doc) {
            if (!left.matches(doc) || !right.matches(doc)) {
                return false;
            }
            return !spans(doc).isEmpty();
        }

        @Override
        public List<int[]> spans(MatchDocument doc) {
            List<int[]> out = new ArrayList<>();
            List<int[]> rights = right.spans(doc);
            for (int[] l : left.spans(doc)) {
                for (int[] r : rights) {
                    int gap = Math.max(r[0] - l[1], l[0] - r[1]);
                    // gap 1 = adjacent words; overlapping occurrences (gap <= 0) are the same words, not two.
                    if (gap > 0 && gap <= distance) {
                        out.add(new int[] { Math.min(l[0], r[0]), Math.max(l[1], r[1]) });
                    }
                }
            }
            return out;
        }
    }

    /** A field test ({@code author:jane}, {@code lang:fr}, {@code network:x}, {@code space:...}), folded. */
    record Field(FieldName field, String value, boolean prefix) implements Query {
        @Override
        public boolean matches(MatchDocument doc) {
            for (String v : doc.field(field)) {
                if (prefix ? v.startsWith(value) : v.equals(value) || field == FieldName.LANG && v.startsWith(value + "-")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** All parts match. */
    record And(List<Query> parts) implements Query {
        @Override
        public boolean matches(MatchDocument doc) {
            for (Query q : parts) {
                if (!q.matches(doc)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one part matches. */
    record Or(List<Query> parts) implements Query {
        @Override
        public boolean matches(MatchDocument doc) {
            for (Query q : parts) {
                if (q.matches(doc)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The part does not match. */
    record Not(Query part) implements Query {
        @Override
        public boolean matches(MatchDocument doc) {
            return !part.matches(doc);
        }
    }
}
