package io.vigie.scoring.cli;

import io.vigie.scoring.service.LanguageIdentifier;
import io.vigie.scoring.service.LanguagePairModel;
import io.vigie.scoring.service.NgramLanguageIdentifier;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code train-language-pairs}: trains the {@link LanguagePairModel} on tweets whose language is their corpus's
 * (XLM-T train: es, pt, fr, it), and chooses how much it counts against the n-gram table by 3-fold
 * cross-validation on the same file (the model of each fold trained on the two other folds; accuracy of the whole
 * identifier over the held rows of every language, so that harm to en/de/ar/hi rows counts too). No evaluation file
 * is read. Single-threaded with a fixed seed: the same data gives the same bytes.
 */
final class LanguagePairTrainer {

    static final List<String> LANGUAGES = List.of("es", "pt", "fr", "it");
    static final int BITS = 18;
    static final int EPOCHS = 10;
    static final double RATE = 0.1;
    static final long SEED = 20261203L;
    static final int FOLDS = SentimentTrainer.FOLDS;
    static final double[] WEIGHTS = {0, 0.5, 1, 2, 4, 8, 16, 32};

    /** Classes of the tweet model: the languages of XLM-T train in Latin script. */
    static final List<String> TWEET_LANGUAGES = List.of("en", "fr", "de", "es", "pt", "it");
    /** Gates compared for the tweet model (max letters : min probability : max gap in nats); null = no tweet model. */
    static final List<NgramLanguageIdentifier.TweetGate> GATES = gates();

    private LanguagePairTrainer() {
    }

    private static List<NgramLanguageIdentifier.TweetGate> gates() {
        List<NgramLanguageIdentifier.TweetGate> out = new ArrayList<>();
        out.add(null);
        for (int letters : new int[] {40, 60}) {
            for (double p : new double[] {0.9, 0.97}) {
                for (double gap : new double[] {5, 10}) {
                    out.add(new NgramLanguageIdentifier.TweetGate(letters, p, gap));
                }
            }
        }
        return out;
    }

    /**
     * {@code train-language-tweets}: trains the tweet model (classes {@link #TWEET_LANGUAGES}, same features and
     * optimiser as the pair model) on XLM-T train and compares the gates of {@link #GATES} by 3-fold
     * cross-validation on the same file: in each fold the pair model (weight {@code pairWeight}) and the tweet model
     * are trained on the two other folds and the whole identifier is run over the held rows of every language. No
     * evaluation file is read. The chosen gate is printed; the identifier's {@code TWEET_GATE} holds it.
     */
    static void runTweets(Path train, Path out, Set<String> configured, NgramLanguageIdentifier table,
            double pairWeight, PrintStream log) throws Exception {
        List<Row> rows = rows(train);
        log.printf("train-language-tweets: %d rows of %s (sha256 %s); classes %s; %d-bit buckets, %d epochs, rate %s%n",
                rows.size(), train.getFileName(), SentimentTrainer.sha256(train), TWEET_LANGUAGES, BITS, EPOCHS, RATE);
        double[] served = new double[GATES.size()];
        double[] all = new double[GATES.size()];
        int servedRows = 0;
        for (int k = 0; k < FOLDS; k++) {
            List<Row> fit = new ArrayList<>();
            List<Row> held = new ArrayList<>();
            SentimentTrainer.split(rows, k, fit, held);
            NgramLanguageIdentifier withPairs = table.withPairs(train(fit, LANGUAGES, "fold " + k, pairWeight));
            LanguagePairModel tweets = train(fit, TWEET_LANGUAGES, "fold " + k, 1);
            List<LanguageIdentifier> candidates = new ArrayList<>();
            for (int g = 0; g < GATES.size(); g++) {
                candidates.add(GATES.get(g) == null ? withPairs : withPairs.withTweets(tweets, GATES.get(g)));
            }
            servedRows += tally(candidates, held, configured, all, served);
        }
        int best = 0;
        for (int g = 0; g < GATES.size(); g++) {
            log.printf("  gate %-13s -> %d-fold cross-validation on train: served rows %.2f %%, all rows %.2f %%%n",
                    GATES.get(g) == null ? "none" : GATES.get(g), FOLDS, 100 * served[g] / servedRows,
                    100 * all[g] / rows.size());
            if (served[g] > served[best]) {
                best = g;
            }
        }
        log.printf("chosen gate %s (the identifier's TWEET_GATE: %s)%n", GATES.get(best) == null ? "none" : GATES.get(best),
                NgramLanguageIdentifier.TWEET_GATE);
        String provenance = "trained on " + train.getFileName() + " sha256:" + SentimentTrainer.sha256(train) + " (lang = "
                + "corpus language; " + TWEET_LANGUAGES + "); gate " + GATES.get(best) + " chosen by " + FOLDS
                + "-fold cross-validation on the same file; features v" + LanguagePairModel.VERSION + ", 2^" + BITS
                + " buckets, " + EPOCHS + " epochs, rate " + RATE + ", seed " + SEED;
        LanguagePairModel model = train(rows, TWEET_LANGUAGES, provenance, 1);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        log.printf("wrote %s (%d bytes, sha256 %s)%n", out, Files.size(out), SentimentTrainer.sha256(out));
    }

    private static List<Row> rows(Path train) throws Exception {
        Tsv tsv = Tsv.read(train);
        int lang = tsv.column("lang");
        int text = tsv.column("text");
        List<Row> rows = new ArrayList<>();
        for (String[] r : tsv.rows()) {
            rows.add(new Row(r[lang], r[text]));
        }
        return rows;
    }

    record Row(String lang, String text) {
    }

    static void run(Path train, Path out, Set<String> configured, NgramLanguageIdentifier table, PrintStream log)
            throws Exception {
        Tsv tsv = Tsv.read(train);
        int lang = tsv.column("lang");
        int text = tsv.column("text");
        List<Row> rows = new ArrayList<>();
        for (String[] r : tsv.rows()) {
            rows.add(new Row(r[lang], r[text]));
        }
        log.printf("train-language-pairs: %d rows of %s (sha256 %s); classes %s; %d-bit buckets, %d epochs, rate %s%n",
                rows.size(), train.getFileName(), SentimentTrainer.sha256(train), LANGUAGES, BITS, EPOCHS, RATE);
        double[] served = new double[WEIGHTS.length];
        double[] all = new double[WEIGHTS.length];
        int servedRows = 0;
        for (int k = 0; k < FOLDS; k++) {
            List<Row> fit = new ArrayList<>();
            List<Row> held = new ArrayList<>();
            SentimentTrainer.split(rows, k, fit, held);
            LanguagePairModel model = train(fit, "cross-validation fold " + k, 1);
            List<LanguageIdentifier> candidates = new ArrayList<>();
            for (double weight : WEIGHTS) {
                candidates.add(table.withPairs(weight == 0 ? null : model.withWeight(weight)));
            }
            servedRows += tally(candidates, held, configured, all, served);
        }
        int best = 0;
        for (int w = 0; w < WEIGHTS.length; w++) {
            log.printf("  weight %-4s -> %d-fold cross-validation on train: served rows %.2f %%, all rows %.2f %%%n",
                    WEIGHTS[w], FOLDS, 100 * served[w] / servedRows, 100 * all[w] / rows.size());
            if (served[w] > served[best]) {
                best = w;
            }
        }
        double weight = WEIGHTS[best];
        String provenance = "trained on " + train.getFileName() + " sha256:" + SentimentTrainer.sha256(train) + " (lang = "
                + "corpus language; " + LANGUAGES + "); weight " + weight + " chosen by " + FOLDS + "-fold cross-validation"
                + " on the same file; features v" + LanguagePairModel.VERSION + ", 2^" + BITS + " buckets, " + EPOCHS
                + " epochs, rate " + RATE + ", seed " + SEED;
        LanguagePairModel model = train(rows, provenance, weight);
        log.printf("chosen weight %s%n", weight);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        log.printf("wrote %s (%d bytes, sha256 %s)%n", out, Files.size(out), SentimentTrainer.sha256(out));
    }

    /** Multinomial logistic regression by AdaGrad over the rows of {@link #LANGUAGES}. */
    static LanguagePairModel train(List<Row> rows, String provenance, double weight) {
        return train(rows, LANGUAGES, provenance, weight);
    }

    /** Multinomial logistic regression by AdaGrad over the rows of {@code languages}. */
    static LanguagePairModel train(List<Row> rows, List<String> languages, String provenance, double weight) {
        int c = languages.size();
        LanguagePairModel shape = new LanguagePairModel(languages, BITS, new float[c << BITS], new float[c], weight, "");
        List<LanguagePairModel.Vector> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (Row r : rows) {
            int y = languages.indexOf(r.lang());
            String s = y < 0 ? null : NgramLanguageIdentifier.prepare(r.text(), 3, 200);
            if (s != null) {
                xs.add(shape.features(s));
                ys.add(y);
            }
        }
        float[] w = new float[c << BITS];
        float[] g2 = new float[c << BITS];
        float[] bias = new float[c];
        float[] biasG2 = new float[c];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                LanguagePairModel.Vector x = xs.get(i);
                double[] z = new LanguagePairModel(languages, BITS, w, bias, weight, "").logits(x);
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    z[k] = Math.exp(z[k] - max);
                    sum += z[k];
                }
                int[] ids = x.ids();
                float[] vs = x.values();
                for (int k = 0; k < c; k++) {
                    double grad = z[k] / sum - (k == ys.get(i) ? 1 : 0);
                    biasG2[k] += (float) (grad * grad);
                    bias[k] -= (float) (RATE * grad / (Math.sqrt(biasG2[k]) + 1e-8));
                    for (int j = 0; j < ids.length; j++) {
                        int at = ids[j] * c + k;
                        double g = grad * vs[j];
                        g2[at] += (float) (g * g);
                        w[at] -= (float) (RATE * g / (Math.sqrt(g2[at]) + 1e-8));
                    }
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = LanguagePairModel.roundToStorage(w[i]);
        }
        return new LanguagePairModel(languages, BITS, w, bias, weight, provenance);
    }

    /**
     * Identifies the held-out rows with each candidate: adds to {@code all[c]} the rows candidate c got right and to
     * {@code served[c]} those of them in a configured language (gold {@code und} for the others); returns how many of
     * the rows are in a configured language.
     */
    private static int tally(List<LanguageIdentifier> candidates, List<Row> held, Set<String> configured, double[] all,
            double[] served) {
        int servedRows = 0;
        for (Row r : held) {
            boolean isServed = configured.contains(r.lang());
            String gold = isServed ? r.lang() : LanguageIdentifier.UNDETERMINED;
            servedRows += isServed ? 1 : 0;
            for (int c = 0; c < candidates.size(); c++) {
                boolean ok = candidates.get(c).identify(r.text()).equals(gold);
                all[c] += ok ? 1 : 0;
                served[c] += ok && isServed ? 1 : 0;
            }
        }
        return servedRows;
    }
}
