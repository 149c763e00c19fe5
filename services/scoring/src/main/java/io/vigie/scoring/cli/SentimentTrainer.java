package io.vigie.scoring.cli;

import io.vigie.scoring.service.LanguageIdentifier;
import io.vigie.scoring.service.SentimentFeatures;
import io.vigie.scoring.service.SentimentModel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * {@code train-sentiment}: trains the sentiment model on the train split, chooses the hyper-parameters on the val
 * split (never trains on it), and writes the model. Single-threaded with a fixed seed, so a rerun on the same data
 * writes the same bytes.
 */
final class SentimentTrainer {

    /** Languages whose mean macro-F1 on val chooses the hyper-parameters (the target languages). */
    static final Set<String> TARGET = Set.of("en", "fr", "de", "es", "pt", "it");
    static final int BITS = 20;
    static final long SEED = 20261122L;
    /** Folds of the held-out estimate on train. */
    static final int FOLDS = 3;

    /** Hyper-parameters of one training run. */
    record Params(int epochs, double rate, double l2, int minDf) {
    }

    /** One labelled example: language of the row, detected language, gold class, features. */
    record Example(String lang, int label, SentimentFeatures.Vector x) {
    }

    private SentimentTrainer() {
    }

    static void run(Path train, Path val, Path out, LanguageIdentifier languages, List<Params> grid, PrintStream log)
            throws Exception {
        SentimentFeatures features = new SentimentFeatures(BITS);
        List<Example> trainSet = examples(Tsv.read(train), features, languages);
        List<Example> valSet = examples(Tsv.read(val), features, languages);
        log.printf("train-sentiment: %d train rows (%s), %d val rows (%s)%n", trainSet.size(), sha256(train),
                valSet.size(), sha256(val));
        Params best = null;
        double bestF1 = -1;
        for (Params p : grid) {
            SentimentModel model = train(trainSet, p, null);
            double f1 = meanMacroF1(model, valSet);
            log.printf("  %s -> val mean macro-F1 over en,fr,de,es,pt,it = %.4f%n", p, f1);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = p;
            }
        }
        String provenance = "trained on " + train.getFileName() + " sha256:" + sha256(train) + " (" + trainSet.size()
                + " rows); " + best + " chosen on " + val.getFileName() + " sha256:" + sha256(val) + "; features v"
                + SentimentFeatures.VERSION + ", 2^" + BITS + " buckets, seed " + SEED + ", languages by "
                + languages.describe();
        SentimentModel model = train(trainSet, best, provenance);
        log.printf("chosen %s: val mean macro-F1 %.4f (after 16-bit rounding: %.4f)%n", best, bestF1, meanMacroF1(model, valSet));
        log.printf("held-out estimate (val chose the parameters, so it is optimistic): %d-fold cross-validation on train"
                + " with %s: mean macro-F1 over en,fr,de,es,pt,it = %.4f%n", FOLDS, best, crossValidate(trainSet, best));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        log.printf("wrote %s (%d bytes, sha256 %s)%n", out, Files.size(out), sha256(out));
    }

    static List<Example> examples(Tsv tsv, SentimentFeatures features, LanguageIdentifier languages) {
        int lang = tsv.column("lang");
        int label = tsv.column("label");
        int text = tsv.column("text");
        List<Example> out = new ArrayList<>();
        for (String[] row : tsv.rows()) {
            int y = List.of(SentimentModel.LABELS).indexOf(row[label]);
            if (y < 0) {
                throw new IllegalArgumentException("unknown label '" + row[label] + "'");
            }
            out.add(new Example(row[lang], y, features.extract(row[text], languages.identify(row[text]))));
        }
        return out;
    }

    /** Multinomial logistic regression by AdaGrad with L2, on buckets seen in at least minDf training posts. */
    static SentimentModel train(List<Example> data, Params p, String provenance) {
        return train(data, p, provenance, SEED);
    }

    static SentimentModel train(List<Example> data, Params p, String provenance, long seed) {
        int dim = 1 << BITS;
        int[] df = new int[dim];
        for (Example e : data) {
            int[] ids = e.x().ids();
            int[] seen = ids.clone();
            java.util.Arrays.sort(seen);
            for (int k = 0; k < seen.length; k++) {
                if (k == 0 || seen[k] != seen[k - 1]) {
                    df[seen[k]]++;
                }
            }
        }
        float[] w = new float[3 * dim];
        float[] g2 = new float[3 * dim];
        float[] bias = new float[3];
        float[] biasG2 = new float[3];
        List<Example> order = new ArrayList<>(data);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < p.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Example e : order) {
                int[] ids = e.x().ids();
                float[] xs = e.x().values();
                double[] z = {bias[0], bias[1], bias[2]};
                for (int k = 0; k < ids.length; k++) {
                    if (df[ids[k]] >= p.minDf()) {
                        int base = ids[k] * 3;
                        z[0] += w[base] * xs[k];
                        z[1] += w[base + 1] * xs[k];
                        z[2] += w[base + 2] * xs[k];
                    }
                }
                double[] prob = SentimentModel.softmax(z);
                for (int c = 0; c < 3; c++) {
                    double grad = prob[c] - (c == e.label() ? 1 : 0);
                    biasG2[c] += (float) (grad * grad);
                    bias[c] -= (float) (p.rate() * grad / (Math.sqrt(biasG2[c]) + 1e-8));
                    for (int k = 0; k < ids.length; k++) {
                        if (df[ids[k]] >= p.minDf()) {
                            int at = ids[k] * 3 + c;
                            double g = grad * xs[k] + p.l2() * w[at];
                            g2[at] += (float) (g * g);
                            w[at] -= (float) (p.rate() * g / (Math.sqrt(g2[at]) + 1e-8));
                        }
                    }
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = SentimentModel.roundToStorage(w[i]);
        }
        return new SentimentModel(BITS, w, bias, provenance == null ? "grid search" : provenance);
    }

    /**
     * Mean macro-F1 of {@code folds}-fold cross-validation on {@code data}. Rows go to folds in runs of three
     * consecutive rows because the XLM-T files cycle negative, neutral, positive: every fold stays balanced.
     */
    static double crossValidate(List<Example> data, Params p) {
        double sum = 0;
        for (int k = 0; k < FOLDS; k++) {
            List<Example> fit = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            split(data, k, fit, held);
            sum += meanMacroF1(train(fit, p, null), held);
        }
        return sum / FOLDS;
    }

    /** Fold {@code k} of {@link #FOLDS}: rows go to folds in runs of three consecutive rows (see above). */
    static <T> void split(List<T> rows, int k, List<T> fit, List<T> held) {
        for (int i = 0; i < rows.size(); i++) {
            ((i / 3) % FOLDS == k ? held : fit).add(rows.get(i));
        }
    }

    static double meanMacroF1(SentimentModel model, List<Example> data) {
        Metrics m = new Metrics();
        for (Example e : data) {
            double[] prob = model.probabilities(e.x());
            int best = prob[0] >= prob[1] && prob[0] >= prob[2] ? 0 : prob[1] >= prob[2] ? 1 : 2;
            m.add(e.lang(), SentimentModel.LABELS[e.label()], SentimentModel.LABELS[best]);
        }
        double sum = 0;
        int n = 0;
        for (var entry : m.byGroup().entrySet()) {
            if (TARGET.contains(entry.getKey())) {
                sum += entry.getValue().macroF1();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file))).substring(0, 16);
    }
}
