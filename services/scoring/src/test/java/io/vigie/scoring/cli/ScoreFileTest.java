package io.vigie.scoring.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.scoring.service.ScorerSettings;
import io.vigie.scoring.service.TextScorer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score-file keeps every row, in order, with the input columns, and adds the predicted columns. */
class ScoreFileTest {

    @Test
    void addsColumnsKeepsRowsAndOrder(@TempDir Path dir) throws Exception {
        Path in = Path.of(getClass().getResource("/score-file-sample.tsv").toURI());
        Path out = dir.resolve("out.tsv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScoreFile.run(in, out, TextScorer.create(ScorerSettings.defaults()), new PrintStream(log, true, StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("id\tnetwork\ttext\tpred_lang\tsentiment\tsentiment_score\ttopics\turgency", lines.get(0));
        assertEquals(5, lines.size());
        String[] first = lines.get(1).split("\t", -1);
        assertEquals("1", first[0]);
        assertEquals("en", first[3]);
        assertEquals("negative", first[4]);
        assertTrue(first[6].contains("billing_delivery"), first[6]);
        assertTrue(Double.parseDouble(first[7]) > 0.3, first[7]);
        String[] second = lines.get(2).split("\t", -1);
        assertEquals("fr", second[3]);
        assertEquals("positive", second[4]);
        assertEquals("de", lines.get(3).split("\t", -1)[3]);
        assertEquals("und", lines.get(4).split("\t", -1)[3]);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("posts/s"), log.toString(StandardCharsets.UTF_8));
    }
}
