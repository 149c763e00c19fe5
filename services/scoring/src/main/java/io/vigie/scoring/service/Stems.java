package io.vigie.scoring.service;

import java.util.HashMap;
import java.util.Map;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM;

/**
 * Snowball stems (Apache OpenNLP's port) of lowercased words in fr, de, es, pt, it and nl, for the valence lookup of
 * {@link Valence}. Not English: AFINN lists its inflected forms already, and with English stems the sentiment model
 * did worse on val (0.6276 against 0.6314, the same 3-fold cross-validation on train). A stemmer keeps state while it
 * works, so each thread has its own.
 */
final class Stems {

    private static final Map<String, ALGORITHM> ALGORITHMS = Map.of("fr", ALGORITHM.FRENCH, "de", ALGORITHM.GERMAN,
            "es", ALGORITHM.SPANISH, "pt", ALGORITHM.PORTUGUESE, "it", ALGORITHM.ITALIAN, "nl", ALGORITHM.DUTCH);
    private static final ThreadLocal<Map<String, SnowballStemmer>> STEMMERS = ThreadLocal.withInitial(() -> {
        Map<String, SnowballStemmer> stemmers = new HashMap<>();
        ALGORITHMS.forEach((lang, algorithm) -> stemmers.put(lang, new SnowballStemmer(algorithm)));
        return stemmers;
    });

    private Stems() {
    }

    /** Whether {@code lang} has a stemmer. */
    static boolean supports(String lang) {
        return ALGORITHMS.containsKey(lang);
    }

    /** The stem of a lowercased word in {@code lang}, or the word itself when the language has no stemmer. */
    static String of(String lang, String word) {
        SnowballStemmer stemmer = STEMMERS.get().get(lang);
        return stemmer == null ? word : stemmer.stem(word).toString();
    }
}
