package io.vigie.ingestion.domain.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for matching: lower case, accents removed (NFD minus combining marks), split into words of
 * letters and digits; every emoji or other symbol becomes a word of its own so that queries can name it.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** The folded form of {@code s}: lower case and without accents, otherwise unchanged. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 0x80;
        }
        if (ascii) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                String replacement = special(cp);
                if (replacement == null) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(replacement);
                }
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Letters NFD does not decompose but readers consider accented. */
    private static String special(int cp) {
        return switch (cp) {
            case 'ß' -> "ss";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ' -> "d";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ı' -> "i";
            default -> null;
        };
    }

    /** The words of {@code text}, folded, in order. */
    public static List<String> words(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                current.appendCodePoint(cp);
                continue;
            }
            if (!current.isEmpty()) {
                words.add(current.toString());
                current.setLength(0);
            }
            int type = Character.getType(cp);
            if (type == Character.OTHER_SYMBOL) {
                words.add(new String(Character.toChars(cp)));
            }
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }
}
