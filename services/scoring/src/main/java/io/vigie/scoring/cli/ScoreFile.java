package io.vigie.scoring.cli;

import io.vigie.scoring.domain.TextScore;
import io.vigie.scoring.service.Influence;
import io.vigie.scoring.service.TextScorer;
import io.vigie.scoring.service.Urgency;
import io.vigie.events.Author;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code score-file}: scores every row of a TSV that has a {@code text} column and writes the same rows, in the
 * same order, with {@code pred_lang}, {@code sentiment}, {@code sentiment_score}, {@code topics} and
 * {@code urgency} added. Optional {@code followers} and {@code verified} columns feed the author's influence.
 */
final class ScoreFile {

    private ScoreFile() {
    }

    static void run(Path in, Path outFile, TextScorer scorer, PrintStream log) throws Exception {
        Tsv tsv = Tsv.read(in);
        int text = tsv.column("text");
        int lang = tsv.optionalColumn("lang_hint");
        int followers = tsv.optionalColumn("followers");
        int verified = tsv.optionalColumn("verified");
        String[] added = new String[tsv.rows().size()];
        // Warm-up (untimed) on the first rows, so that the figure is the steady state, not the JIT's start.
        for (int w = 0; w < Math.min(2000, tsv.rows().size()); w++) {
            scorer.score(tsv.rows().get(w)[text], null);
        }
        long start = System.nanoTime();
        long cpuStart = CpuClock.now();
        int i = 0;
        for (String[] row : tsv.rows()) {
            TextScore s = scorer.score(row[text], lang < 0 ? null : row[lang]);
            double influence = 0;
            if (followers >= 0) {
                long f = row[followers].isBlank() ? 0 : Long.parseLong(row[followers].trim());
                influence = Influence.of(new Author("", "", f, verified >= 0 && Boolean.parseBoolean(row[verified].trim())), 0);
            }
            added[i++] = s.language() + "\t" + s.sentiment().label() + "\t" + s.sentiment().score() + "\t"
                    + String.join(",", s.topics()) + "\t" + Urgency.of(s, influence);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CpuClock.now() - cpuStart) / 1e9;
        if (outFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(outFile.toAbsolutePath().getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            out.write(String.join("\t", tsv.header()) + "\tpred_lang\tsentiment\tsentiment_score\ttopics\turgency\n");
            i = 0;
            for (String[] row : tsv.rows()) {
                out.write(String.join("\t", row) + "\t" + added[i++] + "\n");
            }
        }
        log.printf("score-file: %d rows in %.2f s on one thread = %.0f posts/s wall clock, %.0f posts per CPU-second"
                + " (language + sentiment + topics + urgency, after a warm-up on the first rows) -> %s%n",
                tsv.rows().size(), seconds, tsv.rows().size() / seconds, tsv.rows().size() / cpuSeconds, outFile);
    }
}
