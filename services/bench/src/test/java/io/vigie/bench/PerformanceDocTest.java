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
}
