package io.vigie.scoring.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A word list with a score per word and language, read once from a gzip'd TSV class-path resource ({@code lang, word,
 * <score>} with a header line), looked up by the word itself, else by its Snowball stem ({@link Stems}: the mean of
 * the listed words with that stem). The lists hold one form of a word where posts use many (géniaux, horribles,
 * fantastiche).
 */
final class WordScores {

    private final Map<String, Map<String, Float>> byLanguage;
    private final Map<String, Map<String, Float>> byStem;

    private WordScores(Map<String, Map<String, Float>> byLanguage) {
        this.byLanguage = byLanguage;
        this.byStem = byStem(byLanguage);
    }

    /** Reads {@code resource}, whose header must be {@code lang, word, <column>}. */
    static WordScores load(String resource, String column) {
        String header = "lang\tword\t" + column;
        Map<String, Map<String, Float>> out = new HashMap<>();
        try (InputStream raw = WordScores.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || !line.equals(header)) {
                throw new IllegalStateException(resource + ": expected the header '" + header.replace('\t', ',') + "'");
            }
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(resource + ": bad line '" + line + "'");
                }
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Float.parseFloat(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new WordScores(out);
    }

    /**
     * The score of a lowercased word in {@code lang}: its own if listed, else the mean of the listed words with its
     * stem; 0 when neither, or when the language has no list. {@code stem} is the word's stem when the caller has it
     * ({@code null}: computed here if needed).
     */
    float of(String lang, String word, String stem) {
        Map<String, Float> words = byLanguage.get(lang);
        if (words == null) {
            return 0f;
        }
        Float v = words.get(word);
        if (v != null) {
            return v;
        }
        Map<String, Float> stems = byStem.get(lang);
        if (stems == null) {
            return 0f;
        }
        Float s = stems.get(stem != null ? stem : Stems.of(lang, word));
        return s == null ? 0f : s;
    }

    /** Number of words listed for {@code lang}. */
    int size(String lang) {
        Map<String, Float> words = byLanguage.get(lang);
        return words == null ? 0 : words.size();
    }

    /** Whether {@code lang} has a list. */
    boolean has(String lang) {
        return byLanguage.containsKey(lang);
    }

    /** Per language with a stemmer: each stem of listed words to their mean score. */
    private static Map<String, Map<String, Float>> byStem(Map<String, Map<String, Float>> lists) {
        Map<String, Map<String, Float>> out = new HashMap<>();
        lists.forEach((lang, words) -> {
            if (Stems.supports(lang)) {
                Map<String, double[]> sums = new HashMap<>();
                words.forEach((word, v) -> {
                    double[] sum = sums.computeIfAbsent(Stems.of(lang, word), k -> new double[2]);
                    sum[0] += v;
                    sum[1]++;
                });
                Map<String, Float> means = new HashMap<>();
                sums.forEach((stem, sum) -> means.put(stem, (float) (sum[0] / sum[1])));
                out.put(lang, means);
            }
        });
        return out;
    }
}
