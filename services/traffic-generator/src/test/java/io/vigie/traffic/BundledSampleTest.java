package io.vigie.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The committed sample {@code infra/sample/mentions.jsonl} is exactly what its documented command produces. */
class BundledSampleTest {

    /** Tests run from the module directory ({@code services/traffic-generator}). */
    private static final Path SAMPLE = Path.of("../../infra/sample/mentions.jsonl");

    @Test
    void sampleIsUpToDateWithTheGenerator() throws Exception {
        assertTrue(Files.isRegularFile(SAMPLE), "missing " + SAMPLE.toAbsolutePath());
        GeneratorOptions documented = new GeneratorOptions(42, Instant.parse("2026-11-22T00:00:00Z"), 24, 100,
                Instant.parse("2026-11-22T14:00:00Z"), 300);
        StringWriter expected = new StringWriter();
        new TrafficGenerator(documented).writeTo(expected);
        byte[] actual = Files.readAllBytes(SAMPLE);
        assertTrue(actual.length < 1_500_000, "sample must stay under 1.5 MB, is " + actual.length);
        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), actual,
                "infra/sample/mentions.jsonl is stale: regenerate it with the command in infra/sample/README.md");
    }
}
