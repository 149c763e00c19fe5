package io.vigie.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Small helpers to read network JSON defensively. */
final class Json {

    private Json() {
    }

    /** The text at a field, or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    /** The text at a path of fields. */
    static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (int i = 0; i < path.length - 1 && n != null; i++) {
            n = n.get(path[i]);
        }
        return text(n, path[path.length - 1]);
    }

    /** An epoch time in seconds or milliseconds (told apart by size) as ISO-8601, or null. */
    static String epoch(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.canConvertToLong()) {
            return null;
        }
        long t = v.asLong();
        return (t > 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t)).toString();
    }
}
