package io.vigie.scoring.domain.radar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms the radar tracks in a text: hashtags and words of three or more letters, lower case and without
 * accents, with links, handles, numbers and function words (resource {@code radar/stopwords.txt}) left out; each
 * term once per text, at most {@code max} of them.
 */
public final class Terms {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}_]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Set<String> stopwords;
    private final int max;

    public Terms(Set<String> stopwords, int max) {
        this.stopwords = Set.copyOf(stopwords);
        this.max = max;
    }

    /** The terms with the bundled function words. */
    public static Terms standard(int max) {
        return new Terms(loadStopwords(), max);
    }

    /** The distinct terms of a text, in order of first appearance. */
    public List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String t = HANDLE.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
        t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        int n = t.length();
        int i = 0;
        while (i < n && out.size() < max) {
            char c = t.charAt(i);
            boolean hashtag = c == '#';
            if (!hashtag && !Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = hashtag ? i + 1 : i;
            int j = start;
            while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
                j++;
            }
            String word = t.substring(start, j);
            i = Math.max(j, i + 1);
            if (word.length() < 3 || allDigits(word)) {
                continue;
            }
            if (hashtag) {
                out.add("#" + word);
            } else if (!stopwords.contains(word)) {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }

    private static boolean allDigits(String w) {
        for (int k = 0; k < w.length(); k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> loadStopwords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Terms.class.getClassLoader().getResourceAsStream("radar/stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("radar/stopwords.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>(r.lines().toList());
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                for (int k = 1; k < parts.length; k++) {
                    words.add(parts[k]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
