package io.vigie.traffic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * One generated post: the replay {@link Mention} plus its {@link GroundTruth}, which is never part of the JSON line.
 */
public record GeneratedMention(Mention mention, GroundTruth groundTruth, Instant createdAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The replay line (JSON, no trailing newline); contains the mention only, never the ground truth. */
    public String toJsonLine() {
        try {
            return JSON.writeValueAsString(mention);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise mention " + mention.id(), e);
        }
    }
}
