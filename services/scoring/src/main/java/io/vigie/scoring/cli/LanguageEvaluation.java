package io.vigie.scoring.cli;

import io.vigie.scoring.service.LanguageIdentifier;
import io.vigie.scoring.service.LinguaLanguageIdentifier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code eval-language}: runs language identifiers over a TSV with {@code lang} and {@code text} columns and prints
 * accuracy and F1 per language and overall, with the memory each identifier holds and its speed. A gold language
 * outside the configured ones is expected as {@code und}.
 */
final class LanguageEvaluation {

    private LanguageEvaluation() {
    }

    static void run(Path data, Set<String> configured, List<Supplier<LanguageIdentifier>> identifiers, PrintStream out)
            throws Exception {
        Tsv tsv = Tsv.read(data);
        int lang = tsv.column("lang");
        int text = tsv.column("text");
        out.printf("eval-language %s: %d rows; configured languages %s; others expected as 'und'%n", data, tsv.rows().size(),
                String.join(",", new java.util.TreeSet<>(configured)));
        for (Supplier<LanguageIdentifier> factory : identifiers) {
            long before = Memory.usedAfterGc();
            long t0 = System.nanoTime();
            LanguageIdentifier identifier = factory.get();
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long held = Memory.usedAfterGc() - before;
            Metrics metrics = new Metrics();
            // one warm-up pass so that the timed pass measures steady-state speed
            for (String[] row : tsv.rows()) {
                identifier.identify(row[text]);
            }
            long start = System.nanoTime();
            long cpuStart = CpuClock.now();
            for (String[] row : tsv.rows()) {
                String gold = configured.contains(row[lang]) ? row[lang] : LanguageIdentifier.UNDETERMINED;
                metrics.add(row[lang], gold, identifier.identify(row[text]));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (CpuClock.now() - cpuStart) / 1e9;
            out.printf("%n== %s: models %.0f MiB on the heap, loaded in %.1f s; %.0f texts per CPU-second"
                    + " (%.0f texts/s wall clock, one thread)%n", identifier.describe(), held / 1048576.0, loadSeconds,
                    tsv.rows().size() / cpuSeconds, tsv.rows().size() / seconds);
            out.printf("%-6s %6s %9s %7s%n", "lang", "n", "accuracy", "F1");
            for (Map.Entry<String, Metrics.Score> e : metrics.byGroup().entrySet()) {
                String gold = configured.contains(e.getKey()) ? e.getKey() : LanguageIdentifier.UNDETERMINED;
                out.printf("%-6s %6d %8.2f%% %7.3f%n", e.getKey(), e.getValue().n(), 100 * e.getValue().accuracy(),
                        metrics.f1(gold));
            }
            Metrics.Score all = metrics.overall();
            out.printf("%-6s %6d %8.2f%% %7.3f  (macro-F1 over the gold labels)%n", "ALL", all.n(), 100 * all.accuracy(),
                    all.macroF1());
            Metrics.Score configuredOnly = metrics.overallOf(configured);
            out.printf("%-6s %6d %8.2f%% %7s  (rows of configured languages only)%n", "CONF", configuredOnly.n(),
                    100 * configuredOnly.accuracy(), "");
            if (identifier instanceof LinguaLanguageIdentifier lingua) {
                lingua.unload();
            }
        }
    }
}
