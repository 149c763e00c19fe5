package io.vigie.centres.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits a post into the terms counted for "rising terms": words of 4+ letters and hashtags, minus stop words. */
public final class Terms {

    private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern MENTION = Pattern.compile("@\\w+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}#_.-]+");
    private static final int MAX_LENGTH = 64;
    private static final Set<String> STOP = Set.of(
            // en
            "this", "that", "with", "have", "from", "they", "will", "what", "when", "your", "just", "been", "were",
            "there", "their", "about", "would", "could", "should", "after", "again", "still", "does", "doesn't",
            "dont", "don't", "cant", "can't", "into", "than", "then", "them", "some", "only", "very", "also", "here",
            "anyone", "since", "today", "thanks", "please", "help", "need", "know", "like", "really",
            // fr
            "avec", "pour", "dans", "mais", "plus", "tout", "sont", "elle", "nous", "vous", "leur", "cette", "depuis",
            "merci", "quand", "comme", "encore", "toujours", "bonjour",
            // es / pt / it
            "para", "como", "pero", "esta", "este", "muito", "porque", "ainda", "quando", "sono", "della",
            "anche", "questo", "grazie", "obrigado", "gracias", "hola", "olá",
            // de / nl / sk / cs / pl
            "nicht", "eine", "einen", "habe", "aber", "noch", "seit", "mein", "meine", "auch", "danke", "niet", "maar",
            "voor", "heeft", "sich", "alle", "prosím", "ďakujem", "dzięki", "jest");

    private Terms() {
    }

    /**
     * The signature of a question: its first three terms (hashtags aside), sorted; null when {@code text} is not a
     * question (no question mark) or has fewer than two terms.
     */
    public static String questionSignature(String text) {
        if (text == null || text.indexOf('?') < 0) {
            return null;
        }
        var words = of(text).stream().filter(t -> !t.startsWith("#")).limit(3).sorted().toList();
        return words.size() < 2 ? null : String.join(" ", words);
    }

    /** The distinct terms of {@code text}, lower-cased, in order of appearance. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String t = MENTION.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
        t = Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (String raw : SPLIT.split(t)) {
            String w = trimPunctuation(raw);
            boolean hashtag = w.startsWith("#") && w.length() > 2;
            if (!hashtag && (w.length() < 4 || w.indexOf('#') >= 0 || STOP.contains(w) || w.chars().allMatch(Character::isDigit))) {
                continue;
            }
            if (w.length() <= MAX_LENGTH) {
                terms.add(w);
            }
        }
        return terms;
    }

    /** {@code word} without the dots, underscores and hyphens at its ends (no regex: this runs for every word). */
    static String trimPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && isEdge(word.charAt(start))) {
            start++;
        }
        while (end > start && isEdge(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }

    private static boolean isEdge(char c) {
        return c == '.' || c == '_' || c == '-';
    }
}
