package io.vigie.ingestion.domain.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mention prepared once for matching against every watchlist: folded words with their positions, folded fields. */
public final class MatchDocument {

    private static final int[] NONE = new int[0];

    private final List<String> words;
    private final Map<String, int[]> positions;
    private final Map<Query.FieldName, List<String>> fields;

    private MatchDocument(List<String> words, Map<Query.FieldName, List<String>> fields) {
        this.words = words;
        this.fields = fields;
        Map<String, int[]> index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            int[] previous = index.get(words.get(i));
            int[] next;
            if (previous == null) {
                next = new int[] { i };
            } else {
                next = java.util.Arrays.copyOf(previous, previous.length + 1);
                next[previous.length] = i;
            }
            index.put(words.get(i), next);
        }
        this.positions = index;
    }

    /**
     * A document for a post.
     *
     * @param text         the post's text
     * @param network      its network, e.g. {@code x}
     * @param space        the brand space, or null
     * @param lang         the language hint, or null
     * @param authorId     the author's id, or null
     * @param authorHandle the author's handle (a leading {@code @} is ignored), or null
     */
    public static MatchDocument of(String text, String network, String space, String lang, String authorId,
            String authorHandle) {
        Map<Query.FieldName, List<String>> fields = new java.util.EnumMap<>(Query.FieldName.class);
        fields.put(Query.FieldName.NETWORK, values(network));
        fields.put(Query.FieldName.SPACE, values(space));
        fields.put(Query.FieldName.LANG, values(lang));
        String handle = authorHandle == null ? null : authorHandle.startsWith("@") ? authorHandle.substring(1) : authorHandle;
        List<String> authors = new java.util.ArrayList<>(values(authorId));
        authors.addAll(values(handle));
        fields.put(Query.FieldName.AUTHOR, authors);
        return new MatchDocument(TextNormalizer.words(text), fields);
    }

    private static List<String> values(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(TextNormalizer.fold(value.strip()));
    }

    /** The folded words in order. */
    public List<String> words() {
        return words;
    }

    /** Positions of a folded word, ascending; empty if absent. */
    public int[] positions(String word) {
        return positions.getOrDefault(word, NONE);
    }

    /** Distinct folded words. */
    public Iterable<String> distinctWords() {
        return positions.keySet();
    }

    /** The folded values of a field (none, one, or for {@code author:} the id and the handle). */
    public List<String> field(Query.FieldName field) {
        return fields.get(field);
    }
}
