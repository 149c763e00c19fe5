package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.traffic.GeneratedMention;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live traffic is the generated posts stamped at the rate they are sent, and nothing else about them changes. */
class CorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void liveLinesAreStampedAtTheRateInTheGeneratorsOrder() throws Exception {
        List<GeneratedMention> generated = Corpus.mentions(3, 200);
        Instant start = Instant.parse("2026-12-07T06:30:00Z");
        List<String> live = Corpus.live(generated, start, 50);
        assertEquals(200, live.size());
        for (int i = 0; i < live.size(); i++) {
            JsonNode line = JSON.readTree(live.get(i));
            JsonNode original = JSON.readTree(generated.get(i).toJsonLine());
            assertEquals(start.plusMillis(20L * i), Instant.parse(line.get("createdAt").asText()), "line " + i);
            ((ObjectNode) line).remove("createdAt");
            ((ObjectNode) original).remove("createdAt");
            assertEquals(original, line, "line " + i);
        }
        assertTrue(generated.stream().anyMatch(g -> g.mention().inReplyTo() != null), "replies among the posts");
    }
}
