package io.vigie.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/** Hostile input values drawn from jqwik arbitraries with a seeded random, so that a failing run can be replayed. */
public final class Junk {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings that break naive code: empty, blank, huge, control characters, surrogates, markup, paths, SQL. */
    private static final Arbitrary<String> NASTY_STRINGS = Arbitraries.oneOf(
            Arbitraries.of("", " ", "\t\n", "null", "undefined", "NaN", "-1", "0", "1e309", "9999999999999999999999",
                    "true", "{}", "[]", "\u0000", "\uD800", "\uFFFF", "%00", "%", "%zz", "../../etc/passwd", "..",
                    "'; DROP TABLE conversation; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}",
                    "😀🔥", "é́́́́", "ǅ", "\u202Eevil", "a:b:c", "x:", ":", "2026-13-45T99:99:99Z", "P-1D", "PT1000000000H",
                    "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"),
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings().all().ofMaxLength(12),
            Arbitraries.strings().alpha().numeric().withChars("-_:@.").ofMinLength(1).ofMaxLength(30),
            Arbitraries.strings().withChars('a', 'Z').ofLength(10_001),
            Arbitraries.strings().withChars('x').ofLength(300));

    private static final Arbitrary<Long> NUMBERS = Arbitraries.oneOf(
            Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE),
            Arbitraries.longs());

    private final Random random;

    public Junk(long seed) {
        this.random = new Random(seed);
    }

    /** The random behind this generator (for choices the caller makes itself). */
    public Random random() {
        return random;
    }

    /** One value of an arbitrary, edge cases included (outside a jqwik property, in a jqwik session of this thread). */
    public <T> T draw(Arbitrary<T> arbitrary) {
        if (!JqwikSession.isActive()) {
            JqwikSession.start();
        }
        return arbitrary.generator(50, true).next(random).value();
    }

    /** A hostile string. */
    public String string() {
        return draw(NASTY_STRINGS);
    }

    /** A hostile integer. */
    public long number() {
        return draw(NUMBERS);
    }

    /** True with the given probability. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One of the given values. */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A JSON value of any type, nested at most {@code depth} levels. */
    public JsonNode anyJson(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(number());
            case 3 -> NODES.numberNode(oneOf(0.5, -0.0, 1e308, -1e-308, Double.MAX_VALUE));
            case 4, 5 -> NODES.textNode(string());
            case 6 -> {
                var a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(anyJson(depth - 1));
                }
                yield a;
            }
            default -> {
                var o = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(string(), anyJson(depth - 1));
                }
                yield o;
            }
        };
    }

    /** A JSON value whose type differs from {@code like}'s. */
    public JsonNode wrongType(JsonNode like) {
        for (int i = 0; i < 20; i++) {
            JsonNode n = anyJson(1);
            if (n.getNodeType() != like.getNodeType()) {
                return n;
            }
        }
        return like.isTextual() ? NODES.numberNode(42) : NODES.textNode("not-a-" + like.getNodeType());
    }

    /** A request body that is not what any JSON endpoint expects: truncated, not JSON, a scalar, huge, empty. */
    public String rawBody(String valid) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> valid.isEmpty() ? "{" : valid.substring(0, random.nextInt(valid.length()));
            case 2 -> "null";
            case 3 -> anyJson(2).toString();
            case 4 -> "{\"a\":" + "[".repeat(2_000);
            case 5 -> valid + "}}";
            case 6 -> "\u0000\u0001garbage";
            case 7 -> "[" + valid + "]";
            default -> string();
        };
    }
}
