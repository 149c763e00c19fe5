package io.vigie.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The social networks replies are posted to, on loopback: X API v2 ({@code POST /2/tweets}) and the Graph API
 * ({@code POST /{comment}/comments}). They count every reply text they receive, and answer a share of the posts
 * with a transient 503 so that ingestion's retries are exercised too.
 */
public final class FakeNetworks implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger transientFailures = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(9_000_000_000L);
    private final Random random;
    private final double failureShare;
    private final String xToken;
    private final String metaToken;

    public FakeNetworks(long seed, double failureShare, String xToken, String metaToken) throws IOException {
        this.random = new Random(seed);
        this.failureShare = failureShare;
        this.xToken = xToken;
        this.metaToken = metaToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL of the fake networks. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many times each reply text was received (and accepted). */
    public Map<String, Integer> received() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        received.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Posts answered with a transient 503. */
    public int transientFailures() {
        return transientFailures.get();
    }

    /** Posts refused for a missing or wrong token. */
    public int unauthorized() {
        return unauthorized.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (!"POST".equals(ex.getRequestMethod())) {
                answer(ex, 404, "{\"error\":\"not found\"}");
                return;
            }
            String text;
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (path.equals("/2/tweets")) {
                if (!("Bearer " + xToken).equals(auth)) {
                    unauthorized.incrementAndGet();
                    answer(ex, 401, "{\"title\":\"Unauthorized\"}");
                    return;
                }
                text = JSON.readTree(body).path("text").asText();
            } else if (path.endsWith("/comments")) {
                String query = ex.getRequestURI().getRawQuery();
                String form = new String(body, StandardCharsets.UTF_8);
                boolean tokenOk = ("Bearer " + metaToken).equals(auth)
                        || (query != null && query.contains("access_token=" + metaToken))
                        || form.contains("access_token=" + metaToken);
                if (!tokenOk) {
                    unauthorized.incrementAndGet();
                    answer(ex, 401, "{\"error\":{\"message\":\"bad token\",\"code\":190}}");
                    return;
                }
                text = messageOf(ex, form);
            } else {
                answer(ex, 404, "{\"error\":\"not found\"}");
                return;
            }
            boolean fail;
            synchronized (random) {
                fail = random.nextDouble() < failureShare;
            }
            if (fail) {
                transientFailures.incrementAndGet();
                answer(ex, 503, "{\"title\":\"Service Unavailable\"}");
                return;
            }
            received.computeIfAbsent(text, k -> new AtomicInteger()).incrementAndGet();
            long id = ids.incrementAndGet();
            if (path.equals("/2/tweets")) {
                answer(ex, 201, "{\"data\":{\"id\":\"" + id + "\",\"text\":" + JSON.writeValueAsString(text) + "}}");
            } else {
                answer(ex, 200, "{\"id\":\"" + id + "\"}");
            }
        } catch (RuntimeException e) {
            answer(ex, 400, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static String messageOf(HttpExchange ex, String body) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.contains("json")) {
            JsonNode n = JSON.readTree(body);
            return n.path("message").asText();
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("message")) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        String q = ex.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                if (pair.startsWith("message=")) {
                    return java.net.URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException("no message");
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
