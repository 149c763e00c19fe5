package io.vigie.ingestion.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local fake of the networks' APIs, a Vert.x HTTP server on a free loopback port in the test JVM, answering in the
 * documented shapes: X API v2 (posting, filtered stream and its rules, mentions with since_id, rate-limit headers),
 * the Graph API (comments, replies), Discourse (posts), LinkedIn (socialActions comments) and RSS/Atom feeds with
 * ETag/Last-Modified. Reply targets steer failures: {@code flaky-*} answers 503 twice, {@code limited-*} 429 once,
 * {@code bad-*} 400, {@code down-*} always 503.
 */
public class FakeNetworks implements QuarkusTestResourceLifecycleManager {

    /** A request the fake received that changed something (a reply posted). */
    public record Posted(String network, String target, String text, String id) {
    }

    public static final List<Posted> POSTED = new CopyOnWriteArrayList<>();
    /** Lines the X filtered stream sends, in order, to whoever is connected. */
    public static final LinkedBlockingQueue<String> STREAM = new LinkedBlockingQueue<>();
    /** Posts served by GET /2/users/{id}/mentions (newest first, as X does), each a {data, user} pair. */
    public static final List<JsonObject[]> MENTIONS = new CopyOnWriteArrayList<>();
    /** The current X stream rules, by id. */
    public static final Map<String, JsonObject> RULES = new ConcurrentHashMap<>();
    /** Query strings of every mentions request, to check since_id. */
    public static final List<String> MENTION_QUERIES = new CopyOnWriteArrayList<>();
    /** How many times the stream was connected. */
    public static final AtomicInteger STREAM_CONNECTIONS = new AtomicInteger();
    /** Feed bodies by path, with their version (ETag). */
    public static final Map<String, String[]> FEEDS = new ConcurrentHashMap<>();
    /** Feed requests answered 200 and 304, by path. */
    public static final Map<String, AtomicInteger> FEED_200 = new ConcurrentHashMap<>();
    public static final Map<String, AtomicInteger> FEED_304 = new ConcurrentHashMap<>();
    /** LinkedIn comments served by socialActions/{post}/comments, by post URN. */
    public static final Map<String, JsonArray> LINKEDIN_COMMENTS = new ConcurrentHashMap<>();

    /** Where the fake listens, e.g. http://127.0.0.1:40123. */
    public static volatile String BASE;

    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1_861_000_000_000_000_000L);
    private static volatile HttpServerResponse streamResponse;

    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake networks did not start", e);
        }
        vertx.setPeriodic(100, t -> pump());
        String base = "http://127.0.0.1:" + server.actualPort();
        BASE = base;
        return Map.ofEntries(
                Map.entry("vigie.ingestion.x.base-url", base + "/x"),
                Map.entry("vigie.ingestion.x.bearer-token", "test-x-bearer"),
                Map.entry("vigie.ingestion.x.user-token", "test-x-user-token"),
                Map.entry("vigie.ingestion.meta.base-url", base + "/graph/v21.0"),
                Map.entry("vigie.ingestion.discourse.base-url", base + "/discourse"),
                Map.entry("vigie.ingestion.linkedin.base-url", base + "/linkedin"),
                Map.entry("vigie.ingestion.linkedin.posts", "urn:li:share:7001,urn:li:ugcPost:7002"),
                Map.entry("vigie.ingestion.rss.feeds", base + "/feeds/blog.rss," + base + "/feeds/news.atom"));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Drops the current stream connection, as a network hiccup would. */
    public static void dropStream() {
        HttpServerResponse r = streamResponse;
        if (r != null) {
            streamResponse = null;
            r.reset();
        }
    }

    private void pump() {
        HttpServerResponse r = streamResponse;
        if (r == null || r.closed()) {
            return;
        }
        String line = STREAM.poll();

        // X sends a blank keep-alive line every 20 s; the fake sends one whenever it has nothing else.
        r.write(line == null ? "\r\n" : line + "\r\n");
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(body -> {
            try {
                route(req, body);
            } catch (RuntimeException e) {
                json(req.response(), 500, new JsonObject().put("error", String.valueOf(e)));
            }
        });
    }

    private void route(HttpServerRequest req, Buffer body) {
        String path = req.path();
        HttpServerResponse res = req.response();
        if (path.startsWith("/x/")) {
            x(req, path.substring(2), body, res);
        } else if (path.startsWith("/graph/v21.0/")) {
            graph(req, path.substring("/graph/v21.0/".length()), body, res);
        } else if (path.startsWith("/discourse/")) {
            discourse(req, path.substring("/discourse".length()), body, res);
        } else if (path.startsWith("/linkedin/rest/socialActions/")) {
            linkedin(req, path.substring("/linkedin/rest/socialActions/".length()), body, res);
        } else if (path.startsWith("/feeds/")) {
            feed(req, path, res);
        } else {
            json(res, 404, new JsonObject().put("error", "no route " + path));
        }
    }

    // ---- X --------------------------------------------------------------------------------------

    private void x(HttpServerRequest req, String path, Buffer body, HttpServerResponse res) {
        String auth = req.getHeader("Authorization");
        if (path.equals("/2/tweets") && req.method().name().equals("POST")) {
            if (!"Bearer test-x-user-token".equals(auth)) {
                json(res, 401, new JsonObject().put("title", "Unauthorized"));
                return;
            }
            JsonObject b = body.toJsonObject();
            String target = b.getJsonObject("reply").getString("in_reply_to_tweet_id");
            if (failure(target, res)) {
                return;
            }
            String id = String.valueOf(IDS.incrementAndGet());
            POSTED.add(new Posted("x", target, b.getString("text"), id));
            res.putHeader("x-rate-limit-limit", "200").putHeader("x-rate-limit-remaining", "199")
                    .putHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(900).getEpochSecond()));
            json(res, 201, new JsonObject().put("data", new JsonObject().put("id", id).put("text", b.getString("text"))
                    .put("edit_history_tweet_ids", new JsonArray().add(id))));
            return;
        }
        if (!"Bearer test-x-bearer".equals(auth)) {
            json(res, 401, new JsonObject().put("title", "Unauthorized").put("type", "about:blank").put("status", 401));
            return;
        }
        if (path.equals("/2/tweets/search/stream/rules")) {
            if (req.method().name().equals("GET")) {
                JsonArray data = new JsonArray();
                RULES.values().forEach(data::add);
                json(res, 200, new JsonObject().put("data", data).put("meta", new JsonObject().put("sent", Instant.now().toString())
                        .put("result_count", data.size())));
                return;
            }
            JsonObject b = body.toJsonObject();
            JsonArray created = new JsonArray();
            if (b.containsKey("add")) {
                for (Object o : b.getJsonArray("add")) {
                    JsonObject rule = ((JsonObject) o).copy().put("id", String.valueOf(IDS.incrementAndGet()));
                    RULES.put(rule.getString("id"), rule);
                    created.add(rule);
                }
            }
            int deleted = 0;
            if (b.containsKey("delete")) {
                for (Object id : b.getJsonObject("delete").getJsonArray("ids")) {
                    deleted += RULES.remove(String.valueOf(id)) == null ? 0 : 1;
                }
            }
            json(res, 201, new JsonObject().put("data", created).put("meta", new JsonObject().put("sent", Instant.now().toString())
                    .put("summary", new JsonObject().put("created", created.size()).put("not_created", 0)
                            .put("deleted", deleted).put("not_deleted", 0).put("valid", created.size()).put("invalid", 0))));
            return;
        }
        if (path.equals("/2/tweets/search/stream")) {
            STREAM_CONNECTIONS.incrementAndGet();
            res.setChunked(true).putHeader("Content-Type", "application/json")
                    .putHeader("x-rate-limit-limit", "50").putHeader("x-rate-limit-remaining", "49")
                    .putHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(900).getEpochSecond()));
            res.setStatusCode(200);
            res.write("\r\n");
            streamResponse = res;
            return;
        }
        if (path.matches("/2/users/[^/]+/mentions")) {
            MENTION_QUERIES.add(req.query() == null ? "" : req.query());
            String since = req.getParam("since_id");
            JsonArray data = new JsonArray();
            JsonArray users = new JsonArray();
            for (JsonObject[] m : MENTIONS) {
                if (since == null || Long.parseLong(m[0].getString("id")) > Long.parseLong(since)) {
                    data.add(m[0]);
                    users.add(m[1]);
                }
            }
            JsonObject meta = new JsonObject().put("result_count", data.size());
            if (!data.isEmpty()) {
                meta.put("newest_id", data.getJsonObject(0).getString("id"))
                        .put("oldest_id", data.getJsonObject(data.size() - 1).getString("id"));
            }
            res.putHeader("x-rate-limit-limit", "450").putHeader("x-rate-limit-remaining", "448")
                    .putHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(900).getEpochSecond()));
            JsonObject answer = new JsonObject().put("meta", meta);
            if (!data.isEmpty()) {
                answer.put("data", data).put("includes", new JsonObject().put("users", users));
            }
            json(res, 200, answer);
            return;
        }
        json(res, 404, new JsonObject().put("title", "Not Found Error"));
    }

    private static boolean failure(String target, HttpServerResponse res) {
        int attempt = ATTEMPTS.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
        if (target.startsWith("flaky-") && attempt <= 2 || target.startsWith("down-")) {
            json(res, 503, new JsonObject().put("title", "Service Unavailable"));
            return true;
        }
        if (target.startsWith("limited-") && attempt == 1) {
            res.putHeader("x-rate-limit-remaining", "0")
                    .putHeader("x-rate-limit-reset", String.valueOf(Instant.now().plusSeconds(1).getEpochSecond()));
            json(res, 429, new JsonObject().put("title", "Too Many Requests"));
            return true;
        }
        if (target.startsWith("bad-")) {
            json(res, 400, new JsonObject().put("title", "Invalid Request").put("detail", "reply target is not visible"));
            return true;
        }
        return false;
    }

    /** Attempts the fake saw for a reply target. */
    public static int attempts(String target) {
        AtomicInteger a = ATTEMPTS.get(target);
        return a == null ? 0 : a.get();
    }

    // ---- Graph API, Discourse, LinkedIn ----------------------------------------------------------

    private void graph(HttpServerRequest req, String path, Buffer body, HttpServerResponse res) {
        if (!"Bearer test-meta-page-token".equals(req.getHeader("Authorization"))) {
            json(res, 400, new JsonObject().put("error", new JsonObject().put("message", "Invalid OAuth access token.")
                    .put("type", "OAuthException").put("code", 190)));
            return;
        }
        String[] parts = path.split("/");
        if (req.method().name().equals("POST") && parts.length == 2 && (parts[1].equals("comments") || parts[1].equals("replies"))) {
            if (failure(parts[0], res)) {
                return;
            }
            String message = form(body.toString()).get("message");
            String id = parts[0].split("_")[0] + "_" + IDS.incrementAndGet();
            POSTED.add(new Posted(parts[1].equals("replies") ? "instagram" : "facebook", parts[0], message, id));
            json(res, 200, new JsonObject().put("id", id));
            return;
        }
        json(res, 400, new JsonObject().put("error", new JsonObject().put("message", "Unsupported request").put("code", 100)));
    }

    private void discourse(HttpServerRequest req, String path, Buffer body, HttpServerResponse res) {
        if (!"test-discourse-key".equals(req.getHeader("Api-Key"))) {
            json(res, 403, new JsonObject().put("errors", new JsonArray().add("You are not permitted to view the requested resource.")));
            return;
        }
        if (req.method().name().equals("GET") && path.matches("/posts/\\d+\\.json")) {
            String id = path.substring("/posts/".length(), path.length() - 5);
            json(res, 200, new JsonObject().put("id", Long.parseLong(id)).put("topic_id", 4242).put("post_number", 3)
                    .put("username", "ana_b"));
            return;
        }
        if (req.method().name().equals("POST") && path.equals("/posts.json")) {
            JsonObject b = body.toJsonObject();
            String id = String.valueOf(IDS.incrementAndGet() % 1_000_000);
            POSTED.add(new Posted("community", b.getValue("topic_id") + "#" + b.getValue("reply_to_post_number"),
                    b.getString("raw"), id));
            json(res, 200, new JsonObject().put("id", Long.parseLong(id)).put("topic_id", b.getValue("topic_id"))
                    .put("post_number", 9).put("raw", b.getString("raw")));
            return;
        }
        json(res, 404, new JsonObject().put("errors", new JsonArray().add("not found")));
    }

    private void linkedin(HttpServerRequest req, String rest, Buffer body, HttpServerResponse res) {
        if (!"Bearer test-linkedin-token".equals(req.getHeader("Authorization")) || req.getHeader("LinkedIn-Version") == null) {
            json(res, 401, new JsonObject().put("status", 401).put("serviceErrorCode", 65600).put("message", "Invalid access token"));
            return;
        }
        String urn = URLDecoder.decode(rest.substring(0, rest.indexOf("/comments")), StandardCharsets.UTF_8);
        if (req.method().name().equals("GET")) {
            JsonArray elements = LINKEDIN_COMMENTS.getOrDefault(urn, new JsonArray());
            res.putHeader("x-rate-limit-remaining", "95");
            json(res, 200, new JsonObject().put("elements", elements)
                    .put("paging", new JsonObject().put("start", 0).put("count", 10).put("total", elements.size())));
            return;
        }
        JsonObject b = body.toJsonObject();
        String id = "urn:li:comment:(" + b.getString("object") + "," + IDS.incrementAndGet() + ")";
        POSTED.add(new Posted("linkedin", b.containsKey("parentComment") ? b.getString("parentComment") : b.getString("object"),
                b.getJsonObject("message").getString("text"), id));
        res.putHeader("x-restli-id", id);
        res.setStatusCode(201).end();
    }

    // ---- Feeds ---------------------------------------------------------------------------------

    private void feed(HttpServerRequest req, String path, HttpServerResponse res) {
        String[] feed = FEEDS.get(path);
        if (feed == null) {
            res.setStatusCode(404).end();
            return;
        }
        String etag = "\"" + feed[0] + "\"";
        String lastModified = feed[1];
        if (etag.equals(req.getHeader("If-None-Match"))
                || req.getHeader("If-None-Match") == null && lastModified.equals(req.getHeader("If-Modified-Since"))) {
            FEED_304.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            res.setStatusCode(304).putHeader("ETag", etag).end();
            return;
        }
        FEED_200.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        res.putHeader("Content-Type", path.endsWith(".atom") ? "application/atom+xml" : "application/rss+xml")
                .putHeader("ETag", etag).putHeader("Last-Modified", lastModified).end(feed[2]);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void json(HttpServerResponse res, int status, JsonObject body) {
        res.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
