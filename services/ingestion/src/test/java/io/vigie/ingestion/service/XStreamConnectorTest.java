package io.vigie.ingestion.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vigie.ingestion.support.FakeNetworks;
import io.vigie.ingestion.support.TestDb;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The X connector against the fake X API: filtered stream, reconnection, since_id polling, stream rules. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeNetworks.class, restrictToAnnotatedClass = false)
class XStreamConnectorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicLong IDS = new AtomicLong(1_862_000_000_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 1000);

    static String id() {
        return String.valueOf(IDS.addAndGet(1 + (long) (Math.random() * 100)));
    }

    static String streamLine(String id, String text, String... extra) {
        return """
                {"data":{"id":"%1$s","text":%2$s,"author_id":"1511","conversation_id":"%1$s","created_at":"2026-11-22T10:01:02.000Z",
                "lang":"fr","edit_history_tweet_ids":["%1$s"]%3$s},
                "includes":{"users":[{"id":"1511","name":"Léa","username":"lea_gamer","verified":true,
                "public_metrics":{"followers_count":48211,"following_count":310,"tweet_count":9000,"listed_count":12}}]},
                "matching_rules":[{"id":"1166916266197536768","tag":"nordlys"}]}"""
                .formatted(id, JsonObject.of("t", text).encode().substring(5, JsonObject.of("t", text).encode().length() - 1),
                        extra.length == 0 ? "" : extra[0]).replace("\n", "");
    }

    static JsonNode mention(KafkaTestClient kafka, String nativeId) throws Exception {
        ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("mentions.raw"),
                rec -> rec.value().contains("\"nativeId\":\"" + nativeId + "\""), Duration.ofSeconds(30));
        return JSON.readTree(r.value());
    }

    @Test
    void streamedPostsAreIngestedWithTheirAuthorAndReconnectionFollowsADrop() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.STREAM_CONNECTIONS.get() >= 1);
        String first = id();
        String reply = id();
        FakeNetworks.STREAM.add(streamLine(first, "@NordlysCare mon écran reste noir 😡 #help"));
        FakeNetworks.STREAM.add("");
        FakeNetworks.STREAM.add(streamLine(reply, "@NordlysCare toujours rien…",
                ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"" + first + "\"}],\"conversation_id\":\"" + first + "\""));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            JsonNode m = mention(kafka, first);
            assertEquals("x", m.get("network").asText());
            assertEquals("@lea_gamer", m.get("author").get("handle").asText());
            assertEquals(48211, m.get("author").get("followers").asLong());
            assertTrue(m.get("author").get("verified").asBoolean());
            assertEquals("fr", m.get("langHint").asText());
            assertEquals("x:@NordlysCare", m.get("space").asText());
            assertEquals("https://x.com/lea_gamer/status/" + first, m.get("url").asText());
            JsonNode r = mention(kafka, reply);
            assertEquals(first, r.get("inReplyTo").asText());
            assertEquals(first, r.get("threadId").asText());

            int before = FakeNetworks.STREAM_CONNECTIONS.get();
            FakeNetworks.dropStream();
            await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.STREAM_CONNECTIONS.get() > before);
            String after = id();
            FakeNetworks.STREAM.add(streamLine(after, "back after the reconnection"));
            mention(kafka, after);
        }
    }

    @Test
    void anEditIsAbsorbedAndUnreadableLinesAreDeadLettered() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.STREAM_CONNECTIONS.get() >= 1);
        String original = id();
        String edit = id();
        FakeNetworks.STREAM.add(streamLine(original, "first version"));
        FakeNetworks.STREAM.add(streamLine(edit, "edited version").replace("\"edit_history_tweet_ids\":[\"" + edit + "\"]",
                "\"edit_history_tweet_ids\":[\"" + original + "\",\"" + edit + "\"]"));
        String marker = UUID.randomUUID().toString();
        FakeNetworks.STREAM.add("{\"data\":{\"id\":\"" + id() + "\",\"author_id\":\"1\",\"note\":\"" + marker + "\"}}");
        FakeNetworks.STREAM.add("<html>proxy error " + marker + "</html>");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            mention(kafka, original);
            ConsumerRecord<String, String> noText = kafka.await(TestTopics.topic("ingestion.rejected"),
                    rec -> rec.value().contains(marker) && rec.value().startsWith("{"), Duration.ofSeconds(30));
            assertTrue(new String(noText.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .contains("has no text"));
            ConsumerRecord<String, String> html = kafka.await(TestTopics.topic("ingestion.rejected"),
                    rec -> rec.value().contains(marker) && rec.value().startsWith("<"), Duration.ofSeconds(30));
            assertTrue(new String(html.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .startsWith("stream line is not JSON"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> TestDb.stored("x:" + original));
        assertEquals(1, TestDb.count("select count(*) from mention where key = ?", "x:" + original));
        assertEquals(0, TestDb.count("select count(*) from mention where key = ?", "x:" + edit));
    }

    @Test
    void mentionsArePolledWithSinceIdKeptInTheDatabase() throws Exception {
        String older = id();
        String newer = id();
        JsonObject user = new JsonObject().put("id", "77").put("username", "pedro_br").put("verified", false)
                .put("public_metrics", new JsonObject().put("followers_count", 12));
        FakeNetworks.MENTIONS.add(0, new JsonObject[] { new JsonObject().put("id", older).put("text", "@NordlysCare tela preta")
                .put("author_id", "77").put("created_at", "2026-11-22T09:00:00.000Z").put("lang", "pt")
                .put("conversation_id", older).put("edit_history_tweet_ids", new io.vertx.core.json.JsonArray().add(older)), user });
        FakeNetworks.MENTIONS.add(0, new JsonObject[] { new JsonObject().put("id", newer).put("text", "@NordlysCare e agora?")
                .put("author_id", "77").put("created_at", "2026-11-22T09:05:00.000Z").put("lang", "pt")
                .put("conversation_id", older), user });
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            assertEquals("pt", mention(kafka, older).get("langHint").asText());
            assertEquals(older, mention(kafka, newer).get("threadId").asText());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.MENTION_QUERIES.stream()
                .anyMatch(q -> q.contains("since_id=" + newer) || q.contains("since_id=") && after(q, newer)));
        assertTrue(TestDb.count("select count(*) from connector_cursor where source = ?", "x:mentions:2244994945") == 1);
        given().auth().oauth2(Tokens.forUser("vigie-admin")).get("/api/admin/connectors")
                .then().statusCode(200).body("connector", hasItem("x-mentions")).body("connector", hasItem("x-stream"));
    }

    private static boolean after(String query, String id) {
        int i = query.indexOf("since_id=");
        String v = query.substring(i + 9).split("&")[0];
        return new java.math.BigInteger(v).compareTo(new java.math.BigInteger(id)) >= 0;
    }

    @Test
    void streamRulesFollowTheWatchlists() {
        String tag = "w" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().auth().oauth2(Tokens.forUser("vigie-admin")).contentType("application/json")
                .body("{\"name\":\"rules\",\"query\":\"" + tag + " NEAR/2 ecran NOT spam\"}")
                .post("/api/admin/watchlists").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.RULES.values().stream()
                .anyMatch(r -> id.equals(r.getString("tag")) && r.getString("value").equals("((" + tag + " ecran) -spam)")));
        given().auth().oauth2(Tokens.forUser("vigie-admin")).delete("/api/admin/watchlists/" + id).then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.RULES.values().stream()
                .noneMatch(r -> id.equals(r.getString("tag"))));
    }
}
