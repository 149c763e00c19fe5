package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values that break the schema (or the chart's own checks) are refused by Helm before anything is rendered. Each
 * file in {@code src/test/resources/bad-values/} is laid over a valid region (Montpellier) and names, on its first
 * line ({@code # expect: ...}), a fragment of the error Helm must report.
 */
class SchemaRejectionTest {

    static List<Path> badValues() throws IOException {
        Path dir = Repo.root().resolve("services/deploy-tests/src/test/resources/bad-values");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void helmRefusesTheValues(Path bad) throws IOException {
        String first = Files.readAllLines(bad).get(0);
        assertTrue(first.startsWith("# expect: "), bad + " must start with '# expect: <fragment of the error>'");
        String expected = first.substring("# expect: ".length()).trim();
        Path region = Repo.chart().resolve("values-montpellier.yaml");

        Exception error = assertThrows(Exception.class, () -> Charts.render("vigie-montpellier", region, bad),
                bad.getFileName() + " was accepted");
        assertTrue(String.valueOf(error.getMessage()).contains(expected),
                bad.getFileName() + ": expected an error mentioning '" + expected + "', got: " + error.getMessage());
    }
}
