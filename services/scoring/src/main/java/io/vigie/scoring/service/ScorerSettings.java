package io.vigie.scoring.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the text scorer, independent of Quarkus so that the command line builds the same scorer as the
 * service. The service fills it from {@code vigie.scoring.*}; {@link #defaults()} matches the defaults there.
 *
 * @param languages       ISO 639-1 codes language identification may answer
 * @param decoyLanguages  languages the identifier also knows, answered as {@code und}
 * @param identifier      {@code ngram} (default: Lingua's models, our fast scorer) or {@code lingua}
 * @param highAccuracy    Lingua's high accuracy mode (identifier {@code lingua} only)
 * @param minLetters      fewer letters than this: {@code und}
 * @param maxChars        language identification looks at the first words up to about this many characters
 * @param productLines    product line id to the words that name it
 * @param modelResource   class-path resource of the sentiment model
 */
public record ScorerSettings(Set<String> languages, Set<String> decoyLanguages, String identifier, boolean highAccuracy, int minLetters, int maxChars,
        Map<String, List<String>> productLines, String modelResource) {

    /** Default configured languages. */
    public static final String DEFAULT_LANGUAGES = "en,fr,de,es,pt,it,nl,sk,cs,pl";
    /** Default decoys: frequent languages on the social web that are easily confused with a configured one. */
    public static final String DEFAULT_DECOYS = "sv,da,nb,fi,hu,ro,tr,ca,hr,sl,et,lv,lt,id";
    /** Class-path resource of the committed sentiment model. */
    public static final String DEFAULT_MODEL = "/models/sentiment.bin";

    /** Normalises the sets (a decoy that is also configured is configured). */
    public ScorerSettings {
        languages = Set.copyOf(new LinkedHashSet<>(languages));
        Set<String> d = new LinkedHashSet<>(decoyLanguages);
        d.removeAll(languages);
        decoyLanguages = Set.copyOf(d);
        productLines = Map.copyOf(productLines);
    }

    /** The language identifier these settings describe. */
    public LanguageIdentifier languageIdentifier() {
        return switch (identifier) {
            case "ngram" -> new NgramLanguageIdentifier(languages, decoyLanguages, minLetters, maxChars);
            case "lingua" -> new LinguaLanguageIdentifier(languages, decoyLanguages, highAccuracy, minLetters, maxChars);
            default -> throw new IllegalArgumentException("unknown language identifier '" + identifier + "' (ngram or lingua)");
        };
    }

    /** The defaults of the service. */
    public static ScorerSettings defaults() {
        return new ScorerSettings(codes(DEFAULT_LANGUAGES), codes(DEFAULT_DECOYS), "ngram", false, 3, 200,
                ProductLines.DEFAULTS, DEFAULT_MODEL);
    }

    /** A comma-separated list of codes as a set. */
    public static Set<String> codes(String csv) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : csv.split(",")) {
            if (!c.isBlank()) {
                out.add(c.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
