package io.vigie.scoring.service;

/**
 * Word polarities from -1 to +1 in French and Italian from the Pattern project's subjectivity lexicons (CLiPS,
 * University of Antwerp; French under the PDDL, Italian under Pattern's BSD-3-Clause licence), as the npm package
 * natural 8.2.6 (MIT) ships them. Unlike the AFINN translations of {@link Valence}, these were written for the
 * language, inflected forms included. Read once from {@link #RESOURCE} ({@code services/scoring/bin/pattern-lexicon}
 * writes it); a prior for the sentiment features (ADR 0137).
 */
public final class Polarity {

    /** Class-path resource: gzip'd TSV {@code lang, word, polarity} with a header line. */
    public static final String RESOURCE = "/models/pattern-polarity.tsv.gz";
    private static final WordScores LIST = WordScores.load(RESOURCE, "polarity");

    private Polarity() {
    }

    /**
     * The polarity of a lowercased word in {@code lang}: its own if listed, else the mean of the listed words with
     * its Snowball stem; 0 when neither, or for a language without a list.
     */
    public static float of(String lang, String word) {
        return LIST.of(lang, word, null);
    }

    /** As {@link #of(String, String)}, with the word's stem when the caller has it ({@code null}: computed here). */
    static float of(String lang, String word, String stem) {
        return LIST.of(lang, word, stem);
    }

    /** Number of words listed for {@code lang}. */
    public static int size(String lang) {
        return LIST.size(lang);
    }

    /** Whether {@code lang} has a list. */
    static boolean has(String lang) {
        return LIST.has(lang);
    }
}
