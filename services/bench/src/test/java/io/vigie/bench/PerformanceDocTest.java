package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated section of docs/performance.md is replaced, the hand-written text around it kept. */
class PerformanceDocTest {

    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheGeneratedSection() throws Exception {
        Path doc = dir.resolve("performance.md");
        Files.writeString(doc, "# Title\nbefore\n" + PerformanceDoc.BEGIN + "\nold figures\n" + PerformanceDoc.END
                + "\nafter\n");
        PerformanceDoc.update(doc, "new figures\n");
        String text = Files.readString(doc);
        assertTrue(text.startsWith("# Title\nbefore\n"), text);
        assertTrue(text.contains("new figures"), text);
        assertFalse(text.contains("old figures"), text);
        assertTrue(text.endsWith("\nafter\n"), text);
    }

    @Test
    void datasetStatementsHaveTheirParametersFilledIn() throws Exception {
        List<String> sql = ReportsBench.datasetStatements(20_000, 5);
        assertTrue(sql.size() > 10);
        for (String s : sql) {
            assertFalse(s.matches("(?s).*[^:]:(mentions|days|'end')\\b.*"), s);
        }
        assertTrue(sql.stream().anyMatch(s -> s.contains("generate_series(1, 20000)")));
        assertEquals(sql.size(), sql.stream().filter(s -> !s.isBlank()).count());
    }

    /**
     * A partial run keeps the earlier runs' phases, read back from the results file as plain maps: the committed
     * results file (profiles of an earlier run included) renders.
     */
    @Test
    void rendersTheCommittedResultsFile() throws Exception {
        Path results = Path.of("../../docs/performance-results.json");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> r = new com.fasterxml.jackson.databind.ObjectMapper().readValue(results.toFile(),
                java.util.Map.class);
        assertTrue(r.get("profiles") instanceof java.util.Map<?, ?>, "the committed results hold profiles");
        String text = PerformanceDoc.render(r, results);
        assertTrue(text.contains("samples): "), text);
    }

    /** PostgreSQL's figures render from a results file too (plain maps); a statement's pipes do not break the table. */
    @Test
    void rendersStatementFiguresReadBack() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Statements.Usage usage = new Statements.Usage(java.util.Map.of("centres_bench", 1234.5), List.of(
                new Statements.Statement("centres_bench", false, 61, 4188, 980.0,
                        Statements.shorten("insert into term_span\n   select a || b   from x"))));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> r = mapper.readValue(Path.of("../../docs/performance-results.json").toFile(),
                java.util.Map.class);
        r.put("statementsThroughput", mapper.readValue(mapper.writeValueAsString(usage), java.util.Map.class));
        String text = PerformanceDoc.render(r, dir.resolve("results.json"));
        assertTrue(text.contains("centres_bench 1,234.50"), text);
        assertTrue(text.contains("| centres_bench | 980 | 61 | 4,188 | (nested) `insert into term_span select a \\|\\| b from x` |"),
                text);
    }
}
