package io.vigie.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutates a valid JSON event into the records a broken or hostile producer sends: a field missing, an extra field,
 * a field of the wrong type or with a hostile value, nested fields too, or a payload that is not an object at all.
 */
public final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Junk junk;

    public JsonMutator(Junk junk) {
        this.junk = junk;
    }

    /** One mutation of {@code validJson}, with a label saying what was done. */
    public Mutation mutate(String validJson) {
        JsonNode root;
        try {
            root = JSON.readTree(validJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (junk.chance(0.12)) {
            String raw = junk.rawBody(validJson);
            return new Mutation("raw payload", raw);
        }
        ObjectNode copy = root.deepCopy();
        List<String> done = new ArrayList<>();
        int count = 1 + junk.random().nextInt(3);
        for (int i = 0; i < count; i++) {
            done.add(mutateOnce(copy, ""));
        }
        return new Mutation(String.join(", ", done), copy.toString());
    }

    private String mutateOnce(ObjectNode node, String path) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty() || junk.chance(0.15)) {
            String name = junk.chance(0.5) ? junk.string() : "extra" + junk.random().nextInt(100);
            node.set(name, junk.anyJson(2));
            return "extra " + path + name;
        }
        String field = fields.get(junk.random().nextInt(fields.size()));
        JsonNode value = node.get(field);
        if (value instanceof ObjectNode child && junk.chance(0.5)) {
            return mutateOnce(child, path + field + ".");
        }
        if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode child
                && junk.chance(0.5)) {
            return mutateOnce(child, path + field + "[0].");
        }
        switch (junk.random().nextInt(4)) {
            case 0 -> {
                node.remove(field);
                return "missing " + path + field;
            }
            case 1 -> {
                node.putNull(field);
                return "null " + path + field;
            }
            case 2 -> {
                node.set(field, junk.wrongType(value));
                return "wrong type " + path + field;
            }
            default -> {
                node.put(field, junk.string());
                return "hostile string " + path + field;
            }
        }
    }

    /** A mutated payload and what was changed. */
    public record Mutation(String description, String payload) {
    }
}
