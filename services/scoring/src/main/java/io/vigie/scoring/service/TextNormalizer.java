package io.vigie.scoring.service;

/**
 * Cleans social-media text before scoring: decodes HTML entities and literal {@code \\uXXXX} escapes, and strips
 * what carries no language (URLs, @handles, the '#' of hashtags, emoji, digits) for language identification.
 */
public final class TextNormalizer {

    /**
     * The replacement character U+FFFD (a character lost in some earlier conversion) read back as Windows-1250 or
     * Windows-1252: its letters belong to no language (as Windows-1250, 'ď' and 'ż' would look Slovak or Polish).
     */
    static final String MOJIBAKE_1250 = "\u010F\u017C\u02DD";
    static final String MOJIBAKE_1252 = "\u00EF\u00BF\u00BD";

    private TextNormalizer() {
    }

    /** Decodes {@code &amp;}-style entities and literal {@code \\u2019} escapes; collapses whitespace. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 5 < n && text.charAt(i + 1) == 'u' && isHex(text, i + 2, 4)) {
                c = (char) Integer.parseInt(text, i + 2, i + 6, 16);
                i += 5;
            } else if (c == '&') {
                int semi = text.indexOf(';', i);
                if (semi > i && semi - i <= 6) {
                    char decoded = entity(text.substring(i + 1, semi));
                    if (decoded != 0) {
                        c = decoded;
                        i = semi;
                    }
                }
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Only the words of {@code text}: URLs, @handles, hashtags, emoji, digits and punctuation become spaces. What
     * remains is what a language identifier should look at. Hashtags are dropped too: they are mostly names
     * (#MasterChefBR) that mislead it.
     */
    public static String wordsOnly(String text) {
        return wordsOnly(text, false);
    }

    /** As {@link #wordsOnly(String)}, but with the words of hashtags too ("#ich #will" gives "ich will"). */
    public static String wordsWithHashtags(String text) {
        return wordsOnly(text, true);
    }

    private static String wordsOnly(String text, boolean hashtags) {
        String s = repairMojibake(clean(text));
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '#' && hashtags) {
                i++;
                continue;
            }
            if (c == '@' || c == '#' || startsUrl(s, i) || atWordStart(s, i) && twitterWord(s, i)) {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                out.append(' ');
                continue;
            }
            if (s.startsWith(MOJIBAKE_1250, i) || s.startsWith(MOJIBAKE_1252, i)) {
                i += MOJIBAKE_1250.length();
                out.append(' ');
                continue;
            }
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp) || (cp == '\'' || cp == '’') && out.length() > 0) {
                out.appendCodePoint(cp);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
            i += Character.charCount(cp);
        }
        return out.toString().trim();
    }

    /**
     * Words whose UTF-8 bytes were read as Windows-1250 or Windows-1252 ("vysvÄ›tlĂ­" for "vysvětlí", "Ă©" for
     * "é") are decoded back: a word is replaced only when it contains a character a UTF-8 lead byte of Latin
     * letters becomes (Â Ã Ä Å Ă Ĺ), encodes to that code page and its bytes are valid UTF-8. A Romanian "CASĂ" is
     * left alone ("Ă" then "?" is no UTF-8).
     */
    static String repairMojibake(String s) {
        if (!hasMojibakeLead(s, 0, s.length())) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != ' ') {
                continue;
            }
            String word = s.substring(start, i);
            if (hasMojibakeLead(s, start, i)) {
                String fixed = redecode(word, WINDOWS_1250);
                word = fixed != null ? fixed : java.util.Objects.requireNonNullElse(redecode(word, WINDOWS_1252), word);
            }
            out.append(word);
            if (i < s.length()) {
                out.append(' ');
            }
            start = i + 1;
        }
        return out.toString();
    }

    private static final java.nio.charset.Charset WINDOWS_1250 = java.nio.charset.Charset.forName("windows-1250");
    private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    private static boolean hasMojibakeLead(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (s.charAt(i)) {
                case '\u00C2', '\u00C3', '\u00C4', '\u00C5', '\u0102', '\u0139' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** {@code word} encoded in {@code charset} and decoded as UTF-8, or null when either step is not exact. */
    private static String redecode(String word, java.nio.charset.Charset charset) {
        try {
            java.nio.ByteBuffer bytes = charset.newEncoder()
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(word));
            String decoded = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(bytes).toString();
            return decoded.equals(word) ? null : decoded;
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static boolean atWordStart(String s, int i) {
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    /**
     * Words of Twitter itself rather than of the post's language: a bare {@code http} (links reduced to it in
     * exported data sets), the {@code RT} of a retweet and the {@code via} of "via @user" or "via http...".
     */
    static boolean twitterWord(String s, int i) {
        return token(s, i, "http") || token(s, i, "https") || token(s, i, "RT")
                || token(s, i, "via") && (s.startsWith(" @", i + 3) || s.startsWith(" http", i + 3));
    }

    /** {@code word} at {@code i}, not followed by a letter or digit (case-insensitive except for upper-case RT). */
    private static boolean token(String s, int i, String word) {
        if (!s.regionMatches(!word.equals("RT"), i, word, 0, word.length())) {
            return false;
        }
        int end = i + word.length();
        return end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
    }

    /** How many letters {@code text} has. */
    public static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    static boolean startsUrl(String s, int i) {
        return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
    }

    private static boolean isHex(String s, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static char entity(String name) {
        return switch (name) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos", "#39" -> '\'';
            case "nbsp" -> ' ';
            default -> 0;
        };
    }
}
