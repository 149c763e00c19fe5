package io.vigie.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A fast character n-gram (naive Bayes) language identifier that reads Lingua's own uni-, bi- and trigram models
 * from the Lingua jar and scores all candidate languages with one table lookup per n-gram. Same candidates as
 * {@link LinguaLanguageIdentifier} (configured + decoys, decoys answered {@code und}); a text whose n-grams the
 * best language hardly knows (another script, gibberish) is {@code und}. Each word is read as the chain of its
 * letters' conditionals; a pair model settles es/pt/fr/it, and a tweet model may move short texts to one of these
 * (ADR 0120).
 */
public final class NgramLanguageIdentifier implements LanguageIdentifier {

    private static final float ABSENT = Float.NaN;
    /** Log-penalties when a trigram is unknown and the model backs off to its bigram, its unigram, or nothing. */
    private static final float BACKOFF_BIGRAM = (float) Math.log(0.1);
    private static final float BACKOFF_UNIGRAM = (float) Math.log(0.01);
    private static final float UNSEEN = (float) Math.log(1e-7);
    /** Below this share of n-grams known to the best language, the text is {@code und}. */
    static final double MIN_KNOWN = 0.35;
    /** Mean log-probability gap per n-gram read under which the best guess is unsure (then a plausible hint wins). */
    static final double SURE_GAP = 0.3;
    /** A hinted language within this mean gap per n-gram read of the best guess is plausible. */
    static final double HINT_GAP = 0.75;
    /**
     * Fewer letters than this once hashtags are dropped: the words of the hashtags are read too, if they bring the
     * text to this many ("#ich #will #bei #dir #bleiben", not a lone "#fail"). Chosen on XLM-T train (not val).
     */
    static final int HASHTAG_FALLBACK = 15;
    /**
     * Log prior odds (nats, whole text) of a served language over a decoy: the service is configured for the
     * languages its posts are expected in, so a decoy must beat the best served language by this much. Short texts
     * lean to a served language, long ones follow the evidence. The hint logic looks at the evidence alone.
     * Chosen on XLM-T train and lingua-single-words (not the evaluation files): 2 (0, 2, 4 and 8 tried).
     */
    static final double SERVED_PRIOR = 2;
    /**
     * Languages whose folded (diacritics removed) n-grams a text without any diacritics is scored by; the others
     * keep their own. Czech, Slovak and Polish are often typed without diacritics. Folding every language was
     * measured too: on XLM-T train and lingua-single-words (which chose) it did no better (95.67 % vs 95.79 % of
     * served tweets, 62.06 % vs 62.42 % of served single words).
     */
    static final Set<String> FOLDED = Set.of("cs", "sk", "pl");

    private final String[] codes;
    private final boolean[] answerable;
    private final GramIndex table;
    /** Second opinion for the languages it knows (null: none), and each code's class in it (-1: not known). */
    private final LanguagePairModel pairs;
    private final int[] pairClass;
    /**
     * Tweet model (null: none) for short texts, the index in {@link #codes} of each of its classes (-1: not a
     * candidate) and when it may override the table.
     */
    private final LanguagePairModel tweets;
    private final int[] tweetCode;
    private final TweetGate gate;
    /**
     * The table as it would be had the training texts been written without diacritics: for each ASCII n-gram that
     * some accented n-gram folds to ("ze" from "že"), log-probabilities from the summed joint probabilities of all
     * the n-grams that fold to it. Consulted instead of {@link #table} when a text has no letter outside ASCII: Czech
     * or Slovak typed without diacritics is then still Czech or Slovak (only these keys; the others are as in table). Only the languages of {@link #FOLDED}
     * are folded.
     */
    private final GramIndex folded;
    private final int minLetters;
    private final int maxChars;
    private final String description;

    /**
     * Same parameters as {@link LinguaLanguageIdentifier} (there is one mode), with the committed pair model
     * ({@link #PAIR_MODEL}) and tweet model ({@link #TWEET_MODEL}, gate {@link #TWEET_GATE}) when they are on the
     * class path.
     */
    public NgramLanguageIdentifier(Set<String> configured, Set<String> decoys, int minLetters, int maxChars) {
        this(new NgramLanguageIdentifier(configured, decoys, minLetters, maxChars, committedPairModel()),
                committedPairModel(), committedModel(TWEET_MODEL), TWEET_GATE);
    }

    /** As above with the given pair model (null: the table alone) and no tweet model. */
    public NgramLanguageIdentifier(Set<String> configured, Set<String> decoys, int minLetters, int maxChars,
            LanguagePairModel pairs) {
        List<String> all = new ArrayList<>(configured);
        all.addAll(decoys);
        this.codes = all.toArray(String[]::new);
        this.answerable = new boolean[codes.length];
        for (int i = 0; i < codes.length; i++) {
            answerable[i] = configured.contains(codes[i]);
        }
        this.minLetters = minLetters;
        this.maxChars = maxChars;
        Map<String, float[]> rows = new HashMap<>(1 << 20);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < codes.length; i++) {
            for (String kind : new String[] {"unigrams", "bigrams", "trigrams"}) {
                load(json, codes[i], kind, i, rows);
            }
        }
        this.table = GramIndex.of(rows);
        this.folded = GramIndex.of(fold(rows, codes, FOLDED));
        this.pairs = pairs;
        this.pairClass = pairClasses(codes, pairs);
        this.tweets = null;
        this.tweetCode = new int[0];
        this.gate = null;
        this.description = describe(configured.size(), decoys.size(), pairs, null, null);
    }

    /**
     * When the tweet model overrides the table's answer: the text read has at most {@code maxLetters} letters, the
     * model gives its best language at least {@code minProbability}, that language is one of {@link #TWEET_TARGETS}
     * and the table's log-likelihood of it is at most {@code maxGap} nats below the table's best candidate.
     */
    public record TweetGate(int maxLetters, double minProbability, double maxGap) {
        @Override
        public String toString() {
            return maxLetters + ":" + minProbability + ":" + maxGap;
        }
    }

    private NgramLanguageIdentifier(NgramLanguageIdentifier base, LanguagePairModel pairs) {
        this(base, pairs, base.tweets, base.gate);
    }

    private NgramLanguageIdentifier(NgramLanguageIdentifier base, LanguagePairModel pairs, LanguagePairModel tweets,
            TweetGate gate) {
        this.codes = base.codes;
        this.answerable = base.answerable;
        this.minLetters = base.minLetters;
        this.maxChars = base.maxChars;
        this.table = base.table;
        this.folded = base.folded;
        this.pairs = pairs;
        this.pairClass = pairClasses(codes, pairs);
        this.tweets = tweets;
        this.tweetCode = new int[tweets == null ? 0 : tweets.languages().size()];
        for (int c = 0; c < tweetCode.length; c++) {
            tweetCode[c] = Arrays.asList(codes).indexOf(tweets.languages().get(c));
        }
        this.gate = gate;
        int served = 0;
        for (boolean a : answerable) {
            served += a ? 1 : 0;
        }
        this.description = describe(served, codes.length - served, pairs, tweets, gate);
    }

    /** The same tables and pair model with a tweet model for short texts (null: none). */
    public NgramLanguageIdentifier withTweets(LanguagePairModel tweets, TweetGate gate) {
        return new NgramLanguageIdentifier(this, pairs, tweets, gate);
    }

    /** The same tables with another pair model (null: none), without reloading them. */
    public NgramLanguageIdentifier withPairs(LanguagePairModel pairs) {
        return new NgramLanguageIdentifier(this, pairs);
    }

    private static String describe(int served, int decoys, LanguagePairModel pairs, LanguagePairModel tweets,
            TweetGate gate) {
        return "ngram (Lingua's 1-3-gram models, " + served + " languages + " + decoys
                + " decoys, accent-folded for ASCII-only texts" + (pairs == null ? "" : ", pair model "
                + String.join("/", pairs.languages()) + " x" + pairs.weight()) + (tweets == null ? ""
                : ", tweet model " + String.join("/", tweets.languages()) + " gate " + gate) + ")";
    }

    private static int[] pairClasses(String[] codes, LanguagePairModel pairs) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = pairs == null ? -1 : pairs.languages().indexOf(codes[i]);
        }
        return out;
    }

    /** The committed pair model, or null when the resource is absent. */
    public static LanguagePairModel committedPairModel() {
        return committedModel(PAIR_MODEL);
    }

    private static LanguagePairModel committedModel(String resource) {
        try (InputStream in = NgramLanguageIdentifier.class.getResourceAsStream(resource)) {
            return in == null ? null : LanguagePairModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The text as the identifier reads it: its words (with those of hashtags when the words alone are too few),
     * the first {@code maxChars} characters, lower case, elongations squeezed; null when fewer than
     * {@code minLetters} letters remain.
     */
    public static String prepare(String text, int minLetters, int maxChars) {
        String words = TextNormalizer.wordsOnly(text);
        if (TextNormalizer.letters(words) < HASHTAG_FALLBACK) {
            String with = TextNormalizer.wordsWithHashtags(text);
            if (TextNormalizer.letters(with) >= HASHTAG_FALLBACK) {
                words = with;
            }
        }
        if (TextNormalizer.letters(words) < minLetters) {
            return null;
        }
        String s = (words.length() > maxChars ? words.substring(0, maxChars) : words).toLowerCase(Locale.ROOT);
        return squeeze(s, ELONGATION_KEEP);
    }

    private void load(ObjectMapper json, String code, String kind, int index, Map<String, float[]> table) {
        String resource = "/language-models/" + code + "/" + kind + ".json";
        try (InputStream in = NgramLanguageIdentifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no Lingua model " + resource + " for language '" + code + "'");
            }
            JsonNode ngrams = json.readTree(in).get("ngrams");
            for (Iterator<Map.Entry<String, JsonNode>> it = ngrams.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String[] fraction = e.getKey().split("/");
                float logp = (float) Math.log(Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]));
                for (String ngram : e.getValue().asText().split(" ")) {
                    float[] row = table.computeIfAbsent(ngram, k -> {
                        float[] r = new float[codes.length];
                        Arrays.fill(r, ABSENT);
                        return r;
                    });
                    row[index] = logp;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code gram} without its diacritics ("č" to "c", "ł" to "l"), or null when that is not an ASCII string of
     * the same length (other scripts, "ß").
     */
    static String foldToAscii(String gram) {
        StringBuilder out = new StringBuilder(gram.length());
        String d = Normalizer.normalize(gram, Normalizer.Form.NFD);
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            c = switch (c) {
                case '\u0142' -> 'l'; // ł
                case '\u0111' -> 'd'; // đ
                case '\u00F8' -> 'o'; // ø
                case '\u0131' -> 'i'; // dotless ı
                default -> c;
            };
            if (c >= 0x80) {
                return null;
            }
            out.append(c);
        }
        return out.length() == gram.length() ? out.toString() : null;
    }

    /**
     * The folded rows (see {@link #folded}): joint probabilities P(abc) = P(a) P(b|a) P(c|ab) of every n-gram are
     * summed over the n-grams with the same folded form, then turned back into conditionals P(c|ab) as the table
     * holds them (Lingua's bi- and trigram models are conditional on the preceding characters).
     */
    private static Map<String, float[]> fold(Map<String, float[]> table, String[] codes, Set<String> foldable) {
        int n = codes.length;
        Set<String> targets = new HashSet<>();
        for (String gram : table.keySet()) {
            String f = foldToAscii(gram);
            if (f != null && !f.equals(gram)) {
                targets.add(f);
                // the prefixes are needed to turn joint probabilities back into conditionals
                for (int len = 1; len < f.length(); len++) {
                    targets.add(f.substring(0, len));
                }
            }
        }
        Map<String, double[]> joint = new HashMap<>();
        for (String gram : table.keySet()) {
            String f = foldToAscii(gram);
            if (f == null || !targets.contains(f)) {
                continue;
            }
            double[] sum = joint.computeIfAbsent(f, k -> new double[n]);
            for (int k = 0; k < n; k++) {
                sum[k] += joint(table, gram, k);
            }
        }
        Map<String, float[]> out = new HashMap<>(joint.size() * 2);
        for (Map.Entry<String, double[]> e : joint.entrySet()) {
            String f = e.getKey();
            double[] prefix = f.length() == 1 ? null : joint.get(f.substring(0, f.length() - 1));
            float[] row = new float[n];
            boolean any = false;
            float[] original = table.get(f);
            for (int k = 0; k < n; k++) {
                if (!foldable.contains(codes[k])) {
                    row[k] = original == null ? ABSENT : original[k];
                    continue;
                }
                double p = e.getValue()[k];
                double q = prefix == null ? 1 : prefix[k];
                row[k] = p > 0 && q > 0 ? (float) Math.log(Math.min(1, p / q)) : ABSENT;
                any |= p > 0 && q > 0;
            }
            if (any) {
                out.put(f, row);
            }
        }
        return out;
    }

    /** P(gram) of language k from the table's conditionals, 0 when a part is missing. */
    private static double joint(Map<String, float[]> table, String gram, int k) {
        double logp = 0;
        for (int len = 1; len <= gram.length(); len++) {
            float[] row = table.get(gram.substring(0, len));
            if (row == null || Float.isNaN(row[k])) {
                return 0;
            }
            logp += row[k];
        }
        return Math.exp(logp);
    }

    /** The row of {@code s[from, to)} in the table, or in its folded view for a text without diacritics. */
    private float[] row(String s, int from, int to, boolean ascii) {
        long key = GramIndex.key(s, from, to);
        if (ascii) {
            float[] f = folded.get(key);
            if (f != null) {
                return f;
            }
        }
        return table.get(key);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs of three or more of one letter ("muuuuuuy", "ohhhhh", elongation in tweets) are read as two: the
     * training corpora have none. Two (95.89 %) and one (95.92 %) kept were compared on XLM-T train, served rows
     * (95.79 % before); two keeps more of all rows (87.54 % vs 87.51 %).
     */
    static final int ELONGATION_KEEP = 2;
    /** Class-path resource of the committed tweet model ({@code make train-language-tweets}); optional. */
    public static final String TWEET_MODEL = "/models/language-tweets.bin";
    /** The languages the tweet model may move a short text to (those of the pair model). */
    public static final Set<String> TWEET_TARGETS = Set.of("es", "pt", "fr", "it");
    /**
     * The tweet model's gate: texts of up to 60 letters, probability 0.9, 10 nats. Chosen by {@code make
     * train-language-tweets} (3-fold cross-validation on XLM-T train over its grid, {@code GATES}).
     */
    public static final TweetGate TWEET_GATE = new TweetGate(60, 0.9, 10);
    /** Class-path resource of the committed pair model ({@code make train-language-pairs}); optional. */
    public static final String PAIR_MODEL = "/models/language-pairs.bin";

    /** Runs of three or more of one letter become {@code keep} letters; 0 keeps the text. */
    static String squeeze(String s, int keep) {
        if (keep <= 0) {
            return s;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i + 1;
            while (j < s.length() && s.charAt(j) == c) {
                j++;
            }
            if (j - i >= 3 && c != ' ') {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                for (int k = 0; k < keep; k++) {
                    out.append(c);
                }
            } else if (out != null) {
                out.append(s, i, j);
            }
            i = j;
        }
        return out == null ? s : out.toString();
    }

    @Override
    public String identify(String text) {
        return identify(text, null);
    }

    @Override
    public String identify(String text, String hint) {
        String s = prepare(text, minLetters, maxChars);
        if (s == null) {
            return UNDETERMINED;
        }
        String answer = decide(s, hint);
        if (tweets == null || answer.equalsIgnoreCase(hint) || TextNormalizer.letters(s) > gate.maxLetters()) {
            return answer;
        }
        String tweet = tweetOverride(s, answer);
        return tweet == null ? answer : tweet;
    }

    /**
     * The tweet model's language for a short text when the gate lets it override the table's {@code answer}, else
     * null. Short tweets ("avisa a katia q eh hj", "EU TO SURTANDOOO") carry words and spellings (q, eh, hj, kkkk,
     * vc, tá) that the table, trained on edited web text, does not know, while the model, trained on tweets, does.
     * Only the Romance languages of {@link #TWEET_TARGETS} may win this way: a model that knows German tweets but no
     * Dutch, Danish or Swedish ones reads short Germanic texts of those languages as German.
     */
    private String tweetOverride(String s, String answer) {
        double[] z = tweets.logits(tweets.features(s));
        int top = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[top]) {
                top = c;
            }
        }
        int k = tweetCode[top];
        if (k < 0 || !answerable[k] || codes[k].equals(answer) || !TWEET_TARGETS.contains(codes[k])) {
            return null;
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - z[top]);
        }
        if (1 / sum < gate.minProbability()) {
            return null;
        }
        double[] score = new double[codes.length];
        scoreAll(s, score, new int[codes.length]);
        double best = Double.NEGATIVE_INFINITY;
        for (double v : score) {
            best = Math.max(best, v);
        }
        return best - score[k] <= gate.maxGap() ? codes[k] : null;
    }

    /** Scores every candidate on the prepared text; returns how many n-grams were read. */
    private int scoreAll(String s, double[] score, int[] known) {
        int ngrams = 0;
        int start = 0;
        boolean ascii = ascii(s);
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ' ') {
                ngrams += scoreWord(s, start, i, score, known, ascii);
                start = i + 1;
            }
        }
        return ngrams;
    }

    /** The table's answer (with the pair model and the hint) for a prepared text. */
    private String decide(String s, String hint) {
        int n = codes.length;
        double[] score = new double[n];
        int[] known = new int[n];
        int ngrams = scoreAll(s, score, known);
        if (ngrams == 0) {
            return UNDETERMINED;
        }
        int best = 0;
        int second = -1;
        for (int k = 1; k < n; k++) {
            if (score[k] > score[best]) {
                second = best;
                best = k;
            } else if (second < 0 || score[k] > score[second]) {
                second = k;
            }
        }
        if (known[best] < MIN_KNOWN * ngrams) {
            return UNDETERMINED;
        }
        if (second >= 0 && pairClass[best] >= 0 && pairClass[second] >= 0) {
            // Two languages the pair model knows: its logits are a second opinion on the table's log-likelihoods.
            double[] z = pairs.logits(pairs.features(s));
            double d = score[best] - score[second] + pairs.weight() * (z[pairClass[best]] - z[pairClass[second]]);
            if (d < 0 && known[second] >= MIN_KNOWN * ngrams) {
                int swap = best;
                best = second;
                second = swap;
            }
        }
        if (hint != null && second >= 0 && (score[best] - score[second]) / ngrams < SURE_GAP) {
            String hinted = hint.toLowerCase(Locale.ROOT);
            for (int k = 0; k < n; k++) {
                if (codes[k].equals(hinted) && answerable[k] && (score[best] - score[k]) / ngrams < HINT_GAP) {
                    return hinted;
                }
            }
        }
        if (!answerable[best]) {
            // A decoy must beat the best served language by the prior odds of a served language.
            int served = -1;
            for (int k = 0; k < n; k++) {
                if (answerable[k] && (served < 0 || score[k] > score[served])) {
                    served = k;
                }
            }
            return served >= 0 && score[best] - score[served] < SERVED_PRIOR && known[served] >= MIN_KNOWN * ngrams
                    ? codes[served] : UNDETERMINED;
        }
        return codes[best];
    }

    /**
     * Adds the log-probability of the word as a chain of Lingua's conditionals, P(a) P(b|a) P(c|ab) P(d|bc) ...
     * (its first letter, its first two, then every trigram); returns how many n-grams that is (the word's length).
     * Until the fourth round only the trigrams were read (the word itself if shorter), as Lingua's low accuracy
     * mode does: the first two letters of every word then counted for nothing, and a language whose trigrams
     * were likely once their first two letters were given could win on letters it rarely starts a word with
     * ("hasta el de agosto" was Finnish). Reading the whole chain took XLM-T val from 96.19 % to 97.27 % of served
     * tweets and Lingua sentences from 98.62 % to 99.08 % (docs/models/evaluation.md, fourth round).
     */
    private int scoreWord(String s, int from, int to, double[] score, int[] known, boolean ascii) {
        for (int i = from; i < to; i++) {
            addNgram(s, Math.max(from, i - 2), i + 1, score, known, ascii);
        }
        return Math.max(0, to - from);
    }

    /** Adds the n-gram {@code s[from, to)} (1 to 3 chars). */
    private void addNgram(String s, int from, int to, double[] score, int[] known, boolean ascii) {
        float[] row = row(s, from, to, ascii);
        float[] bigram = null;
        float[] unigram = null;
        boolean lowerLooked = false;
        for (int k = 0; k < score.length; k++) {
            float p = row == null ? ABSENT : row[k];
            if (!Float.isNaN(p)) {
                score[k] += p;
                known[k]++;
                continue;
            }
            if (!lowerLooked) {
                // Back off to what predicts the same last character: P(c|b), then P(c).
                bigram = to - from > 2 ? row(s, to - 2, to, ascii) : null;
                unigram = to - from > 1 ? row(s, to - 1, to, ascii) : null;
                lowerLooked = true;
            }
            if (bigram != null && !Float.isNaN(bigram[k])) {
                score[k] += bigram[k] + BACKOFF_BIGRAM;
            } else if (unigram != null && !Float.isNaN(unigram[k])) {
                score[k] += unigram[k] + BACKOFF_UNIGRAM;
            } else {
                score[k] += UNSEEN;
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
