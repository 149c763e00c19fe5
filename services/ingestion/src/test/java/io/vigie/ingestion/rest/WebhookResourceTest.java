package io.vigie.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.ingestion.support.Hmac;
import io.vigie.ingestion.support.TestDb;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Meta, Discourse and LinkedIn webhooks with payloads in the networks' documented shapes, signed and not. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WebhookResourceTest {

    static final String META_SECRET = "test-meta-app-secret";
    static final String DISCOURSE_SECRET = "test-discourse-secret";
    static final String LINKEDIN_SECRET = "test-linkedin-secret";
    static final ObjectMapper JSON = new ObjectMapper();

    static String uid() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static RequestSpecification signedMeta(String body) {
        return given().contentType("application/json").header("X-Hub-Signature-256", "sha256=" + Hmac.hex(META_SECRET, body))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    static String pageComment(String page, String post, String comment, String verb, String message) {
        return """
                {"object":"page","entry":[{"id":"%1$s","time":1795341600,"changes":[{"field":"feed","value":{
                "from":{"id":"4411","name":"Jane Doe"},
                "post":{"status_type":"added_photos","is_published":true,"updated_time":"2026-11-22T10:00:00+0000","id":"%1$s_%2$s"},
                %5$s"post_id":"%1$s_%2$s","comment_id":"%2$s_%3$s","created_time":1795341600,"item":"comment",
                "parent_id":"%1$s_%2$s","verb":"%4$s"}}]}]}"""
                .formatted(page, post, comment, verb, message == null ? "" : "\"message\":" + quote(message) + ",");
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode value(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void metaHandshakeEchoesTheChallengeOnlyWithTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-meta-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/meta").then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/meta").then().statusCode(403).contentType("application/problem+json");
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-meta-verify-token")
                .queryParam("hub.challenge", "1")
                .get("/webhooks/meta").then().statusCode(403);
    }

    @Test
    void metaPageCommentInstagramCommentAndMessengerMessageBecomeMentions() {
        String page = "1029" + uid().substring(0, 6);
        String post = uid();
        String comment = uid();
        String ig = uid();
        String mid = "m_" + uid();
        String body = """
                {"object":"page","entry":[
                 {"id":"%1$s","time":1795341600,"changes":[{"field":"feed","value":{"from":{"id":"4411","name":"Jane Doe"},
                   "message":"Écran noir après la mise à jour 😡🔥 — aidez-moi","post_id":"%1$s_%2$s","comment_id":"%2$s_%3$s",
                   "created_time":1795341600,"item":"comment","parent_id":"%1$s_%2$s","verb":"add"}},
                   {"field":"feed","value":{"item":"reaction","verb":"add","reaction_type":"like","post_id":"%1$s_%2$s",
                   "from":{"id":"4412"},"created_time":1795341601}}]},
                 {"id":"%1$s","time":1795341602000,"messaging":[{"sender":{"id":"7788"},"recipient":{"id":"%1$s"},
                   "timestamp":1795341602000,"message":{"mid":"%4$s","text":"Hello, my order?"}}]}
                ]}""".formatted(page, post, comment, mid);
        signedMeta(body).post("/webhooks/meta").then().statusCode(200)
                .body("accepted", equalTo(2)).body("ignored", equalTo(1)).body("rejected", equalTo(0));
        String igBody = """
                {"object":"instagram","entry":[{"id":"17841400%1$s","time":1795341603,"changes":[{"field":"comments",
                 "value":{"from":{"id":"2323","username":"joao.silva"},"media":{"id":"1790%1$s","media_product_type":"FEED"},
                 "id":"%2$s","text":"A tela ficou preta depois da atualização"}}]}]}""".formatted(uid().substring(0, 6), ig);
        signedMeta(igBody).post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            JsonNode fb = value(kafka.await(TestTopics.topic("mentions.raw"), r -> r.value().contains(post + "_" + comment),
                    Duration.ofSeconds(30)));
            assertEquals("facebook", fb.get("network").asText());
            assertEquals("facebook:" + page, fb.get("space").asText());
            assertEquals(page + "_" + post, fb.get("threadId").asText());
            assertEquals(page + "_" + post, fb.get("inReplyTo").asText());
            assertEquals("Jane Doe", fb.get("author").get("handle").asText());
            assertEquals("Écran noir après la mise à jour 😡🔥 — aidez-moi", fb.get("text").asText());
            assertEquals("2026-11-22T10:00:00Z", fb.get("createdAt").asText());
            JsonNode dm = value(kafka.await(TestTopics.topic("mentions.raw"), r -> r.value().contains(mid), Duration.ofSeconds(30)));
            assertEquals("dm-7788", dm.get("threadId").asText());
            JsonNode insta = value(kafka.await(TestTopics.topic("mentions.raw"), r -> r.value().contains("\"" + ig + "\""),
                    Duration.ofSeconds(30)));
            assertEquals("instagram", insta.get("network").asText());
            assertEquals("joao.silva", insta.get("author").get("handle").asText());
        }
    }

    @Test
    void unsignedBadlySignedAndMalformedDeliveriesAreRefusedAndNothingIsStored() {
        String comment = uid();
        String body = pageComment("555", "p" + comment, comment, "add", "should never be stored");
        String key = "facebook:p" + comment + "_" + comment;
        given().contentType("application/json").body(body).post("/webhooks/meta")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("missing X-Hub-Signature-256"));
        given().contentType("application/json").header("X-Hub-Signature-256", "sha256=" + Hmac.hex("wrong-secret", body))
                .body(body).post("/webhooks/meta")
                .then().statusCode(403).body("detail", containsString("does not match"));
        given().contentType("application/json").header("X-Hub-Signature-256", Hmac.hex(META_SECRET, body))
                .body(body).post("/webhooks/meta").then().statusCode(403);
        // Signed, then altered on the way: the signature covers the raw bytes.
        given().contentType("application/json").header("X-Hub-Signature-256", "sha256=" + Hmac.hex(META_SECRET, body))
                .body(body.replace("never", "ever")).post("/webhooks/meta").then().statusCode(403);
        assertFalse(TestDb.stored(key));

        signedMeta("{\"object\":\"page\",\"entry\":[").post("/webhooks/meta")
                .then().statusCode(400).body("detail", containsString("not JSON"));
        signedMeta("{\"hello\":\"world\"}").post("/webhooks/meta")
                .then().statusCode(400).body("detail", containsString("not a Meta webhook notification"));
        signedMeta("[1,2]").post("/webhooks/meta").then().statusCode(400);
    }

    @Test
    void aReplayedDeliveryIsRefusedAndAnEditIsAbsorbedAsADuplicate() {
        String comment = uid();
        String body = pageComment("556", "p" + comment, comment, "add", "première fois");
        signedMeta(body).post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));
        // The same signed body again (a captured delivery replayed): refused, nothing processed.
        signedMeta(body).post("/webhooks/meta").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("replayed delivery"));
        // An edit of a known comment is the same (network, id): absorbed too.
        signedMeta(pageComment("556", "p" + comment, comment, "edited", "première fois (modifié)")).post("/webhooks/meta")
                .then().statusCode(200).body("duplicates", equalTo(1));
        assertEquals(1, TestDb.count("select count(*) from mention where key = ?", "facebook:p" + comment + "_" + comment));
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aFloodFromOneAddressIsRateLimitedThenServedAgain() throws Exception {
        // 200 at once and 50 per second are allowed (application.properties): 1,000 concurrent unsigned deliveries
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpRequest flood = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/webhooks/discourse"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        java.util.List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            answers.add(client.sendAsync(flood, java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        int limited = 0;
        String retryAfter = null;
        for (var f : answers) {
            java.net.http.HttpResponse<String> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.headers().firstValue("Retry-After").orElse("");
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            } else {
                assertEquals(401, r.statusCode(), r.body());
            }
        }
        assertTrue(limited > 0, "the flood was limited");
        assertTrue(limited <= 800, limited + " limited: the burst of 200 was served");
        assertTrue(Integer.parseInt(retryAfter) >= 1, "Retry-After: " + retryAfter);
        // another network's webhook has its own bucket: not limited
        given().contentType("application/json").body("{}").post("/webhooks/linkedin").then().statusCode(401);
        // the bucket refills: deliveries are served again (this test runs last in its class)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().contentType("application/json")
                .body("{}").post("/webhooks/discourse").statusCode() == 401);
    }

    @Test
    void aPostStoredByAPreviousProcessIsADuplicateAfterARestart() throws Exception {
        // The ledger row a previous process left in the database, published long ago.
        String comment = uid();
        String key = "facebook:p" + comment + "_" + comment;
        try (java.sql.Connection c = TestDb.connect(); java.sql.PreparedStatement st = c.prepareStatement("""
                insert into mention (key, network, native_id, conversation_key, payload, accepted_at, published_at)
                values (?, 'facebook', ?, ?, '{}', now() - interval '1 day', now() - interval '1 day')""")) {
            st.setString(1, key);
            st.setString(2, "p" + comment + "_" + comment);
            st.setString(3, "facebook:559_p" + comment);
            st.executeUpdate();
        }
        signedMeta(pageComment("559", "p" + comment, comment, "add", "déjà vu")).post("/webhooks/meta")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        assertEquals(1, TestDb.count("select count(*) from mention where key = ?", key));
        assertEquals(1, TestDb.count("select count(*) from mention where key = ? and payload = '{}'", key));
    }

    @Test
    void parsedButUnnormalisableItemsAreDeadLetteredWithTheirReason() {
        String deleted = uid();
        String noText = uid();
        String huge = uid();
        signedMeta(pageComment("557", "p" + deleted, deleted, "remove", null)).post("/webhooks/meta")
                .then().statusCode(200).body("rejected", equalTo(1)).body("accepted", equalTo(0));
        signedMeta(pageComment("557", "p" + noText, noText, "add", null)).post("/webhooks/meta")
                .then().statusCode(200).body("rejected", equalTo(1));
        signedMeta(pageComment("557", "p" + huge, huge, "add", "a".repeat(100_001))).post("/webhooks/meta")
                .then().statusCode(200).body("rejected", equalTo(1));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("ingestion.rejected"),
                    rec -> ("facebook:p" + deleted + "_" + deleted).equals(rec.key()), Duration.ofSeconds(30));
            assertTrue(reason(r).startsWith("deleted or hidden comment (verb remove)"), reason(r));
            assertEquals("meta", new String(r.headers().lastHeader("vigie-source").value(), StandardCharsets.UTF_8));
            assertTrue(r.value().contains("\"verb\":\"remove\""), r.value());
            ConsumerRecord<String, String> t = kafka.await(TestTopics.topic("ingestion.rejected"),
                    rec -> ("facebook:p" + noText + "_" + noText).equals(rec.key()), Duration.ofSeconds(30));
            assertTrue(reason(t).contains("has no text"), reason(t));
            ConsumerRecord<String, String> h = kafka.await(TestTopics.topic("ingestion.rejected"),
                    rec -> ("facebook:p" + huge + "_" + huge).equals(rec.key()), Duration.ofSeconds(30));
            assertEquals("cannot normalise: text is longer than 100000 characters", reason(h));
        }
        assertFalse(TestDb.stored("facebook:p" + deleted + "_" + deleted));
    }

    static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    @Test
    void missingOptionalFieldsAreFine() {
        String comment = uid();
        String body = """
                {"object":"page","entry":[{"id":"558","time":1795341600,"changes":[{"field":"feed","value":{
                "message":"no author, no created_time","post_id":"558_%1$s","comment_id":"%1$s_1","item":"comment","verb":"add"}}]}]}"""
                .formatted(comment);
        signedMeta(body).post("/webhooks/meta").then().statusCode(200).body("accepted", equalTo(1));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            JsonNode m = value(kafka.await(TestTopics.topic("mentions.raw"), r -> r.value().contains(comment + "_1"),
                    Duration.ofSeconds(30)));
            assertTrue(m.get("author") == null || m.get("author").isNull(), m.toString());
            assertEquals("2026-11-22T10:00:00Z", m.get("createdAt").asText());
        }
    }

    static RequestSpecification signedDiscourse(String event, String body) {
        return given().contentType("application/json")
                .header("X-Discourse-Event-Signature", "sha256=" + Hmac.hex(DISCOURSE_SECRET, body))
                .header("X-Discourse-Event", event).header("X-Discourse-Event-Type", event.split("_")[0])
                .header("X-Discourse-Instance", "https://community.nordlys.example").header("X-Discourse-Event-Id", "42")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    static String discoursePost(String id, String topic, int number, Integer replyTo, String raw) {
        return """
                {"post":{"id":%s,"name":"Ana","username":"ana_b","avatar_template":"/user_avatar/x/ana_b/{size}/1.png",
                "created_at":"2026-11-22T09:15:02.123Z","cooked":"<p>%s</p>","post_number":%d,"post_type":1,
                "updated_at":"2026-11-22T09:15:02.123Z","reply_count":0,"reply_to_post_number":%s,"quote_count":0,
                "topic_id":%s,"topic_slug":"blue-screen-after-update","topic_title":"Blue screen after update",
                "category_id":7,"user_id":981,"moderator":false,"admin":false,"staff":false,"raw":%s}}"""
                .formatted(id, raw, number, replyTo == null ? "null" : replyTo, topic, quote(raw));
    }

    @Test
    void discoursePostsBecomeMentionsOfTheirTopic() {
        String id = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        String topic = "9" + id.substring(0, Math.min(6, id.length()));
        signedDiscourse("post_created", discoursePost(id, topic, 3, 1, "Même problème ici, **écran bleu** au démarrage"))
                .post("/webhooks/discourse").then().statusCode(200).body("accepted", equalTo(1));
        signedDiscourse("ping", "{\"ping\":\"OK\"}").post("/webhooks/discourse")
                .then().statusCode(200).body("ignored", equalTo(1));
        signedDiscourse("topic_created", "{\"topic\":{\"id\":" + topic + ",\"title\":\"Blue screen after update\"}}")
                .post("/webhooks/discourse").then().statusCode(200).body("ignored", equalTo(1));
        signedDiscourse("post_destroyed", discoursePost(id + "1", topic, 4, null, "gone"))
                .post("/webhooks/discourse").then().statusCode(200).body("rejected", equalTo(1));
        String body = discoursePost(id + "2", topic, 5, null, "forged");
        given().contentType("application/json").header("X-Discourse-Event", "post_created")
                .header("X-Discourse-Event-Signature", "sha256=" + Hmac.hex("nope", body)).body(body)
                .post("/webhooks/discourse").then().statusCode(403);
        given().contentType("application/json").header("X-Discourse-Event", "post_created").body(body)
                .post("/webhooks/discourse").then().statusCode(401);
        assertFalse(TestDb.stored("community:" + id + "2"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("mentions.raw"),
                    rec -> rec.value().contains("\"nativeId\":\"" + id + "\""), Duration.ofSeconds(30));
            JsonNode m = value(r);
            assertEquals("community:topic-" + topic, r.key());
            assertEquals("topic-" + topic + "#1", m.get("inReplyTo").asText());
            assertEquals("community:category-7", m.get("space").asText());
            assertEquals("ana_b", m.get("author").get("handle").asText());
            assertEquals("https://community.nordlys.example/t/blue-screen-after-update/" + topic + "/3", m.get("url").asText());
        }
    }

    @Test
    void linkedinValidationAndSignedNotifications() {
        given().queryParam("challengeCode", "890e4665-4dfe-4ab1-b689-ff1fcf8a5a29").get("/webhooks/linkedin")
                .then().statusCode(200)
                .body("challengeCode", equalTo("890e4665-4dfe-4ab1-b689-ff1fcf8a5a29"))
                .body("challengeResponse", equalTo(Hmac.hex(LINKEDIN_SECRET, "890e4665-4dfe-4ab1-b689-ff1fcf8a5a29")));
        String c = uid();
        String body = """
                {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[
                 {"notificationId":1001,"organizationalEntity":"urn:li:organization:2414183","action":"COMMENT",
                  "sourcePost":"urn:li:share:7%1$s","generatedActivity":"urn:li:comment:(urn:li:activity:7%1$s,68%1$s)",
                  "decoratedGeneratedActivity":{"comment":{"entity":"urn:li:person:a1B2c3","text":"Quand sort la mise à jour ?",
                  "object":"urn:li:activity:7%1$s"}},"lastModifiedAt":1795341600000,"subscriber":"urn:li:person:admin1"},
                 {"notificationId":1002,"organizationalEntity":"urn:li:organization:2414183","action":"LIKE",
                  "sourcePost":"urn:li:share:7%1$s","lastModifiedAt":1795341601000}]}""".formatted(c);
        given().contentType("application/json").header("X-LI-Signature", Hmac.hex(LINKEDIN_SECRET, "hmacsha256=" + body))
                .body(body).post("/webhooks/linkedin")
                .then().statusCode(200).body("accepted", equalTo(1)).body("ignored", equalTo(1));
        given().contentType("application/json").header("X-LI-Signature", Hmac.hex(LINKEDIN_SECRET, body))
                .body(body).post("/webhooks/linkedin").then().statusCode(403);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("mentions.raw"),
                    rec -> rec.value().contains("68" + c), Duration.ofSeconds(30));
            assertEquals("linkedin:urn:li:share:7" + c, r.key());
            JsonNode m = value(r);
            assertEquals("urn:li:person:a1B2c3", m.get("author").get("id").asText());
            assertEquals("linkedin:urn:li:organization:2414183", m.get("space").asText());
            assertNull(m.get("langHint").isNull() ? null : m.get("langHint").asText());
        }
    }
}
