package io.vigie.scoring.service;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Optimaize language-detector with the same languages and decoys: the comparison for Lingua in evaluations. */
public final class OptimaizeLanguageIdentifier implements LanguageIdentifier {

    private final Set<String> configured;
    private final LanguageDetector detector;
    private final int minLetters;

    /** Same meaning as {@link LinguaLanguageIdentifier}'s parameters; Optimaize has one mode only. */
    public OptimaizeLanguageIdentifier(Set<String> configured, Set<String> decoys, int minLetters) {
        this.configured = Set.copyOf(configured);
        this.minLetters = minLetters;
        Set<String> all = new LinkedHashSet<>(configured);
        all.addAll(decoys);
        List<LanguageProfile> profiles = new ArrayList<>();
        LanguageProfileReader reader = new LanguageProfileReader();
        try {
            for (String code : all) {
                String profile = switch (code) {
                    case "nb" -> "no";
                    case "zh" -> "zh-CN";
                    default -> code;
                };
                profiles.add(reader.readBuiltIn(LdLocale.fromString(profile)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
    }

    @Override
    public String identify(String text) {
        String words = TextNormalizer.wordsOnly(text);
        if (TextNormalizer.letters(words) < minLetters) {
            return UNDETERMINED;
        }
        var found = detector.detect(words);
        if (found.isPresent()) {
            String code = code(found.get());
            return configured.contains(code) ? code : UNDETERMINED;
        }
        // Optimaize declines when unsure; take its best guess like Lingua does.
        var ranked = detector.getProbabilities(words);
        if (ranked.isEmpty()) {
            return UNDETERMINED;
        }
        String code = code(ranked.get(0).getLocale());
        return configured.contains(code) ? code : UNDETERMINED;
    }

    private static String code(LdLocale locale) {
        return switch (locale.getLanguage()) {
            case "no" -> "nb";
            default -> locale.getLanguage();
        };
    }

    @Override
    public String describe() {
        return "optimaize (" + configured.size() + " languages)";
    }
}
