package io.vigie.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Fuzzes every operation a service's OpenAPI document declares: random path and query parameters, bodies built
 * from the declared schema with fields missing, of the wrong type, hostile or extra, and bodies that are not JSON
 * at all; sent by callers of several roles. The rule checked: never a 5xx, never a hang, and every 4xx other than
 * the authentication layer's 401 is an RFC 9457 problem body.
 */
public final class RestFuzzer {

    private static final Logger LOG = Logger.getLogger(RestFuzzer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Someone calling the API: a name for the report and how to get their bearer token (null: anonymous). */
    public record Caller(String name, Supplier<String> token) {
    }

    /** One operation of the OpenAPI document. */
    public record Operation(String method, String path, List<JsonNode> parameters, String contentType, JsonNode bodySchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One request that broke the rule. */
    public record Failure(Operation operation, String caller, String uri, String body, int status, String answer) {
        @Override
        public String toString() {
            return operation + " as " + caller + " -> " + status + "\n    uri:  " + uri + "\n    body: " + abbreviate(body)
                    + "\n    answer: " + abbreviate(answer);
        }
    }

    private final URI base;
    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    private final Map<String, List<String>> known = new java.util.HashMap<>();

    private RestFuzzer(URI base, JsonNode document) {
        this.base = base;
        this.document = document;
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields();
            List<JsonNode> shared = list(p.getValue().path("parameters"));
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                String method = m.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>(shared);
                params.addAll(list(m.getValue().path("parameters")));
                String contentType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = m.getValue().path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> c = content.next();
                    contentType = c.getKey();
                    schema = c.getValue().path("schema");
                }
                operations.add(new Operation(method, p.getKey(), params, contentType, schema));
            }
        }
    }

    /** Reads the OpenAPI document the service serves at {@code /q/openapi}. */
    public static RestFuzzer forService(URI base) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + base + ": " + r.statusCode());
            }
            return new RestFuzzer(base, JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operations that will be fuzzed. */
    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** Leaves out the operations matching {@code which} (e.g. server-sent event streams, which never end). */
    public RestFuzzer without(Predicate<Operation> which) {
        operations.removeIf(which);
        return this;
    }

    /** Real values for a path parameter (e.g. an existing conversation id), used in half of the requests. */
    public RestFuzzer knownValues(String parameter, String... values) {
        known.put(parameter, List.of(values));
        return this;
    }

    /** Requests sent at least per service, however few operations it has. */
    public static final int MIN_REQUESTS = 150;

    /**
     * Sends {@code tries} random requests to every operation (more when the service has few operations, so that it
     * gets {@link #MIN_REQUESTS} at least), from random callers, and returns what broke the rule.
     */
    public List<Failure> run(long seed, int tries, List<Caller> callers) {
        Junk junk = new Junk(seed);
        List<Failure> failures = new ArrayList<>();
        int perOperation = Math.max(tries, (int) Math.ceil((double) MIN_REQUESTS / Math.max(1, operations.size())));
        for (Operation op : operations) {
            for (int i = 0; i < perOperation; i++) {
                Caller caller = callers.get(junk.random().nextInt(callers.size()));
                Failure f = once(op, caller, junk);
                if (f != null) {
                    failures.add(f);
                }
            }
        }
        return failures;
    }

    /**
     * The check of every service's fuzz test: {@link #run} with {@code -Dfuzz.seed} (a fresh seed otherwise, printed so
     * that a failure can be replayed) and {@code -Dfuzz.tries} tries per operation (12), the statuses logged; fails
     * when the document lists fewer than {@code minOperations} operations or when any request broke the rule.
     */
    public void assertSound(String service, int minOperations, List<Caller> callers) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int tries = Integer.getInteger("fuzz.tries", 12);
        List<Failure> failures = run(seed, tries, callers);
        LOG.infof("fuzzed %d operations of %s x %d tries (seed %d):%n%s", operations.size(), service, tries, seed, summary());
        if (operations.size() < minOperations) {
            throw new AssertionError("the OpenAPI document of " + service + " lists " + operations.size()
                    + " operations, expected at least " + minOperations);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(service + ": seed " + seed + " (-Dfuzz.seed=" + seed + " replays it), "
                    + failures.size() + " failures:\n" + report(failures));
        }
    }

    /** One example of each kind of failure (operation, status, first words of the answer), for a readable report. */
    public static String report(List<Failure> failures) {
        Map<String, Failure> kinds = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Failure f : failures) {
            String a = f.answer() == null ? "" : f.answer();
            String kind = f.operation() + " " + f.status() + " " + a.substring(0, Math.min(40, a.length()));
            kinds.putIfAbsent(kind, f);
            counts.merge(kind, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        kinds.forEach((k, f) -> b.append(counts.get(k)).append(" x ").append(f).append('\n'));
        return b.toString();
    }

    /** Count of answers per operation and status, for the test's log. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        statuses.forEach((op, counts) -> b.append("  ").append(op).append(' ').append(counts).append('\n'));
        return b.toString();
    }

    private Failure once(Operation op, Caller caller, Junk junk) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            if ("path".equals(in)) {
                List<String> real = known.get(name);
                String v = real != null && junk.chance(0.5) ? real.get(junk.random().nextInt(real.size()))
                        : junk.chance(0.3) ? valueFor(p.path("schema"), junk).asText() : junk.string();
                path = path.replace("{" + name + "}", encode(v));
            } else if ("query".equals(in) && junk.chance(0.7)) {
                String v = junk.chance(0.5) ? valueFor(p.path("schema"), junk).asText() : junk.string();
                query.append(query.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(v));
            }
        }
        path = path.replaceAll("\\{[^}]+}", "x");
        if (path.contains("//") || path.endsWith("/") && path.length() > 1) {
            path = path.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        }
        String body = null;
        if (op.contentType() != null) {
            String valid = valueFor(op.bodySchema(), junk).toString();
            body = junk.chance(0.25) ? junk.rawBody(valid) : valid;
            if (op.contentType().contains("ndjson")) {
                body = body + "\n" + junk.rawBody(valid) + "\n" + valid;
            }
        }
        URI uri;
        try {
            uri = base.resolve(path + query);
        } catch (IllegalArgumentException e) {
            return null;
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        String token = caller.token() == null ? null : caller.token().get();
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            rb.header("Content-Type", junk.chance(0.05) ? "text/plain" : op.contentType());
            rb.method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            rb.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r;
        try {
            try {
                r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                // the server closes the connection after a 414 or 431; the client may have reused it: once more
                r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (HttpTimeoutException e) {
            return new Failure(op, caller.name(), uri.toString(), body, -1, "no answer within " + TIMEOUT);
        } catch (IOException e) {
            return new Failure(op, caller.name(), uri.toString(), body, -2, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = r.statusCode();
        statuses.computeIfAbsent(op.toString(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        if (status >= 500) {
            return new Failure(op, caller.name(), uri.toString(), body, status, r.body());
        }
        // 401 comes from the authentication layer; 414 and 431 from the HTTP server's limits, before any routing
        if (status >= 400 && status != 401 && status != 414 && status != 431) {
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || !isProblem(r.body(), status)) {
                return new Failure(op, caller.name(), uri.toString(), body, status,
                        "not a problem body (" + type + "): " + r.body());
            }
        }
        return null;
    }

    private static boolean isProblem(String body, int status) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.isObject() && n.path("status").asInt() == status;
        } catch (IOException e) {
            return false;
        }
    }

    /** A value that follows the schema, with random faults inside objects. */
    JsonNode valueFor(JsonNode schema, Junk junk) {
        return valueFor(schema, junk, 0);
    }

    private JsonNode valueFor(JsonNode schema, Junk junk, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 4) {
            return junk.anyJson(1);
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return valueFor(document.at(ref.substring(1)), junk, depth + 1);
        }
        for (String combo : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combo) && schema.get(combo).size() > 0) {
                return valueFor(schema.get(combo).get(0), junk, depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0 && junk.chance(0.8)) {
            ArrayNode values = (ArrayNode) schema.get("enum");
            return values.get(junk.random().nextInt(values.size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    double roll = junk.random().nextDouble();
                    if (roll < 0.7) {
                        o.set(p.getKey(), valueFor(p.getValue(), junk, depth + 1));
                    } else if (roll < 0.8) {
                        o.set(p.getKey(), junk.wrongType(valueFor(p.getValue(), junk, depth + 1)));
                    } else if (roll < 0.9) {
                        o.put(p.getKey(), junk.string());
                    }
                }
                if (junk.chance(0.1)) {
                    o.set("unexpected", junk.anyJson(1));
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = junk.random().nextInt(4); i > 0; i--) {
                    a.add(valueFor(schema.path("items"), junk, depth + 1));
                }
                yield a;
            }
            case "integer" -> NODES.numberNode(junk.chance(0.6) ? junk.random().nextInt(200) - 20 : junk.number());
            case "number" -> NODES.numberNode(junk.chance(0.6) ? junk.random().nextDouble() * 2 - 1 : junk.number());
            case "boolean" -> NODES.booleanNode(junk.random().nextBoolean());
            case "string" -> switch (format) {
                case "date-time" -> NODES.textNode(junk.chance(0.7) ? java.time.Instant.ofEpochSecond(
                        1_700_000_000L + junk.random().nextInt(100_000_000)).toString() : junk.string());
                case "date" -> NODES.textNode(junk.chance(0.7) ? "2026-11-" + (10 + junk.random().nextInt(30)) : junk.string());
                case "duration" -> NODES.textNode(junk.oneOf("PT5M", "PT1H", "P1D", "PT-5M", "P", junk.string()));
                default -> NODES.textNode(junk.chance(0.5) ? "fuzz-" + junk.random().nextInt(1000) : junk.string());
            };
            default -> junk.anyJson(1);
        };
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(none)";
        }
        return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
    }
}
