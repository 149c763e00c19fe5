package io.vigie.scoring.cli;

import io.vigie.scoring.service.LanguageIdentifier;
import io.vigie.scoring.service.LinguaLanguageIdentifier;
import io.vigie.scoring.service.OptimaizeLanguageIdentifier;
import io.vigie.scoring.service.ScorerSettings;
import io.vigie.scoring.service.TextScorer;
import io.vigie.scoring.domain.TextScore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bench-scoring}: the full text scorer (language + sentiment + topics) over the same posts with the service's
 * language identifier and with the Lingua and Optimaize libraries in its place, in posts per CPU-second of one
 * thread (per core) and language accuracy against the {@code lang} column. One tab-separated result line per
 * scorer, starting with {@code bench-scoring}, for {@code make bench}.
 */
final class ScoringBench {

    private ScoringBench() {
    }

    static void run(Path in, ScorerSettings settings, PrintStream out) throws Exception {
        Tsv tsv = Tsv.read(in);
        int text = tsv.column("text");
        int lang = tsv.column("lang");
        int hint = tsv.optionalColumn("lang_hint");
        Map<String, Supplier<LanguageIdentifier>> identifiers = new LinkedHashMap<>();
        identifiers.put("vigie n-gram (service default)", settings::languageIdentifier);
        identifiers.put("Lingua 1.2.2 low accuracy", () -> new LinguaLanguageIdentifier(settings.languages(),
                settings.decoyLanguages(), false, settings.minLetters(), settings.maxChars()));
        identifiers.put("Optimaize 0.6", () -> new OptimaizeLanguageIdentifier(settings.languages(),
                settings.decoyLanguages(), settings.minLetters()));
        for (var e : identifiers.entrySet()) {
            TextScorer scorer = new TextScorer(e.getValue().get(), TextScorer.loadModel(settings.modelResource()),
                    io.vigie.scoring.service.RuleSet.builtIn(), settings.productLines());
            for (int w = 0; w < Math.min(1000, tsv.rows().size()); w++) {
                scorer.score(tsv.rows().get(w)[text], null);
            }
            long wall = System.nanoTime();
            long cpu = CpuClock.now();
            int right = 0;
            for (String[] row : tsv.rows()) {
                String h = hint < 0 || row[hint].isBlank() ? null : row[hint];
                TextScore s = scorer.score(row[text], h);
                if (s.language().equals(row[lang])) {
                    right++;
                }
            }
            double cpuSeconds = (CpuClock.now() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            int n = tsv.rows().size();
            out.printf(java.util.Locale.ROOT, "bench-scoring\t%s\t%.0f\t%.0f\t%.4f\t%d%n", e.getKey(), n / cpuSeconds,
                    n / wallSeconds, (double) right / n, n);
            if (scorer.languageIdentifier() instanceof LinguaLanguageIdentifier lingua) {
                lingua.unload();
            }
        }
    }
}
