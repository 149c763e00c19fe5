package io.vigie.scoring.service;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Language identification with Lingua. Lingua chooses among the configured languages plus "decoy" languages
 * (e.g. Swedish, Russian): a text in a decoy language comes out as {@code und} instead of being forced into the
 * closest configured language. URLs, @handles, emoji and digits are removed first.
 */
public final class LinguaLanguageIdentifier implements LanguageIdentifier {

    /** Relative confidence gap under which Lingua's best guess is not sure. */
    static final double SURE_MARGIN = 0.15;

    private final Set<String> configured;
    private final LanguageDetector detector;
    private final String description;
    private final int minLetters;
    private final int maxChars;

    /**
     * @param configured    ISO 639-1 codes that may come out
     * @param decoys        ISO 639-1 codes that Lingua also considers, reported as {@code und}
     * @param highAccuracy  Lingua's high accuracy mode (1- to 5-grams) instead of the low accuracy one (trigrams)
     * @param minLetters    below this many letters, the text is {@code und}
     * @param maxChars      only the first words up to about this many characters are looked at (speed)
     */
    public LinguaLanguageIdentifier(Set<String> configured, Set<String> decoys, boolean highAccuracy, int minLetters,
            int maxChars) {
        this.configured = Set.copyOf(configured);
        this.minLetters = minLetters;
        this.maxChars = maxChars;
        Set<Language> languages = new LinkedHashSet<>();
        for (String code : configured) {
            languages.add(language(code));
        }
        for (String code : decoys) {
            languages.add(language(code));
        }
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                .withPreloadedLanguageModels();
        if (!highAccuracy) {
            builder = builder.withLowAccuracyMode();
        }
        this.detector = builder.build();
        this.description = "lingua-" + (highAccuracy ? "high" : "low") + " (" + configured.size() + " languages + "
                + decoys.size() + " decoys, first " + maxChars + " chars)";
    }

    @Override
    public String identify(String text) {
        String words = words(text);
        if (words == null) {
            return UNDETERMINED;
        }
        return code(detector.detectLanguageOf(words));
    }

    /**
     * With a hint: Lingua's confidences are relative to its best guess (1.0). When the runner-up is within
     * {@link #SURE_MARGIN} of it, the guess is not sure; then a configured hint at least that plausible wins.
     */
    @Override
    public String identify(String text, String hint) {
        String hinted = hint == null ? null : hint.toLowerCase(Locale.ROOT);
        if (hinted == null || !configured.contains(hinted)) {
            return identify(text);
        }
        String words = words(text);
        if (words == null) {
            return UNDETERMINED;
        }
        SortedMap<Language, Double> confidences = detector.computeLanguageConfidenceValues(words);
        if (confidences.isEmpty()) {
            return UNDETERMINED;
        }
        var ranked = confidences.entrySet().iterator();
        Language best = ranked.next().getKey();
        double second = ranked.hasNext() ? ranked.next().getValue() : 0;
        Double hintConfidence = confidences.get(language(hinted));
        if (second > 1 - SURE_MARGIN && hintConfidence != null && hintConfidence > 1 - 2 * SURE_MARGIN) {
            return hinted;
        }
        return code(best);
    }

    /** The words Lingua looks at, or null when there are too few letters. */
    private String words(String text) {
        String words = TextNormalizer.wordsOnly(text);
        if (TextNormalizer.letters(words) < minLetters) {
            return null;
        }
        if (words.length() > maxChars) {
            int cut = words.lastIndexOf(' ', maxChars);
            words = words.substring(0, cut > 0 ? cut : maxChars);
        }
        return words;
    }

    private String code(Language language) {
        if (language == Language.UNKNOWN) {
            return UNDETERMINED;
        }
        String code = language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        return configured.contains(code) ? code : UNDETERMINED;
    }

    /** Frees Lingua's language models (they are shared by every detector of the JVM). */
    public void unload() {
        detector.unloadLanguageModels();
    }

    @Override
    public String describe() {
        return description;
    }

    /** The Lingua language of an ISO 639-1 code; fails clearly on a code Lingua does not know. */
    static Language language(String code) {
        try {
            Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            if (language == Language.UNKNOWN) {
                throw new IllegalArgumentException(code);
            }
            return language;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown language code '" + code + "'; Lingua knows "
                    + Language.all().stream().map(l -> l.getIsoCode639_1().name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(",")), e);
        }
    }
}
