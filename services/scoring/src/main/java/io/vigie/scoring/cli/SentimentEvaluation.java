package io.vigie.scoring.cli;

import io.vigie.scoring.service.TextScorer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code eval-sentiment}: the service's scorer (language identification, then the sentiment model) over a TSV with
 * {@code lang}, {@code label} and {@code text}, next to the lexicon baseline on the same rows; accuracy and
 * macro-F1 per language, overall, and the mean macro-F1 over en, fr, de, es, pt, it.
 */
final class SentimentEvaluation {

    private SentimentEvaluation() {
    }

    static void run(Path data, TextScorer scorer, PrintStream out) throws Exception {
        Tsv tsv = Tsv.read(data);
        int lang = tsv.column("lang");
        int label = tsv.column("label");
        int text = tsv.column("text");
        Metrics model = new Metrics();
        Metrics baseline = new Metrics();
        long start = System.nanoTime();
        for (String[] row : tsv.rows()) {
            model.add(row[lang], row[label], scorer.score(row[text], null).sentiment().label());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String[] row : tsv.rows()) {
            baseline.add(row[lang], row[label], LexiconBaseline.label(row[text]));
        }
        out.printf("eval-sentiment %s: %d rows, %.0f posts/s through the full text scorer (one thread, cold)%n",
                data, tsv.rows().size(), tsv.rows().size() / seconds);
        out.printf("model: %s%n%n", scorer.sentimentModel().provenance());
        out.printf("%-6s %6s | %-18s | %-18s%n", "", "", "trained model", "lexicon baseline");
        out.printf("%-6s %6s | %8s %9s | %8s %9s%n", "lang", "n", "accuracy", "macro-F1", "accuracy", "macro-F1");
        Map<String, Metrics.Score> m = model.byGroup();
        Map<String, Metrics.Score> b = baseline.byGroup();
        double meanModel = 0;
        double meanBase = 0;
        int targets = 0;
        for (String g : m.keySet()) {
            out.printf("%-6s %6d | %7.2f%% %9.3f | %7.2f%% %9.3f%n", g, m.get(g).n(), 100 * m.get(g).accuracy(),
                    m.get(g).macroF1(), 100 * b.get(g).accuracy(), b.get(g).macroF1());
            if (SentimentTrainer.TARGET.contains(g)) {
                meanModel += m.get(g).macroF1();
                meanBase += b.get(g).macroF1();
                targets++;
            }
        }
        Metrics.Score all = model.overall();
        Metrics.Score allBase = baseline.overall();
        out.printf("%-6s %6d | %7.2f%% %9.3f | %7.2f%% %9.3f%n", "ALL", all.n(), 100 * all.accuracy(), all.macroF1(),
                100 * allBase.accuracy(), allBase.macroF1());
        if (targets > 0) {
            out.printf("%-6s %6s | %8s %9.3f | %8s %9.3f   (mean macro-F1 over the %d of en,fr,de,es,pt,it present)%n",
                    "MEAN6", "", "", meanModel / targets, "", meanBase / targets, targets);
        }
    }
}
