package io.vigie.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
            return new Mutation("raw payload", raw, Set.of());
        }
        ObjectNode copy = root.deepCopy();
        List<String> done = new ArrayList<>();
        Set<String> values = new HashSet<>();
        int count = 1 + junk.random().nextInt(3);
        for (int i = 0; i < count; i++) {
            done.add(mutateOnce(copy, "", values));
        }
        return new Mutation(String.join(", ", done), copy.toString(), Set.copyOf(values));
    }

    private String mutateOnce(ObjectNode node, String path, Set<String> values) {
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
            return mutateOnce(child, path + field + ".", values);
        }
        if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode child
                && junk.chance(0.5)) {
            return mutateOnce(child, path + field + "[0].", values);
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
                values.add(path + field + "=" + asRead(node.get(field)));
                return "wrong type " + path + field;
            }
            default -> {
                node.put(field, junk.string());
                values.add(path + field + "=" + asRead(node.get(field)));
                return "hostile string " + path + field;
            }
        }
    }

    /** A value as a lenient reader takes it: the number 0 and the string "0" are one replyId. */
    private static String asRead(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /**
     * A mutated payload, what was changed, and the values it set ({@code path=json}): two mutations that set the same
     * value in the same field may have given two records one identity, and the second is then rightly a duplicate.
     */
    public record Mutation(String description, String payload, Set<String> values) {
    }
}
