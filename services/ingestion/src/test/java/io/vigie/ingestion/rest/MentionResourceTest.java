package io.vigie.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The HTTP intake against the real database, broker and Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class MentionResourceTest {

    private static String post(String id, String extra) {
        return """
                {"network":"x","id":"%s","space":"x:@NordlysCare","author":{"id":"u1","handle":"@jane","followers":120,"verified":false},
                 "text":"Mon écran reste noir après la mise à jour 😡","lang":"fr","createdAt":"2026-11-22T10:00:00Z"%s}"""
                .formatted(id, extra);
    }

    @Test
    void acceptedPostIsPublishedOnceKeyedByConversation() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.forClient()).contentType("application/json").body(post(id, ",\"threadId\":\"root-" + id + "\""))
                .post("/api/mentions")
                .then().statusCode(202).body("status", equalTo("ACCEPTED")).body("key", equalTo("x:" + id));
        given().auth().oauth2(Tokens.forClient()).contentType("application/json").body(post(id, ""))
                .post("/api/mentions")
                .then().statusCode(200).body("status", equalTo("DUPLICATE"));

        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> record = kafka.await(TestTopics.topic("mentions.raw"),
                    r -> r.value().contains("\"nativeId\":\"" + id + "\""), Duration.ofSeconds(30));
            assertEquals("x:root-" + id, record.key());
            assertTrue(record.value().contains("\"acceptedAt\""), record.value());
            assertTrue(record.value().contains("Mon écran reste noir"), record.value());
        }
    }

    @Test
    void invalidPostGetsAProblemBody() {
        given().auth().oauth2(Tokens.forClient()).contentType("application/json")
                .body(post("bad-date", "").replace("2026-11-22T10:00:00Z", "yesterday"))
                .post("/api/mentions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("createdAt 'yesterday' is not an ISO-8601 instant"));
        given().auth().oauth2(Tokens.forClient()).contentType("application/json")
                .body(post("n", "").replace("\"network\":\"x\"", "\"network\":\"myspace\""))
                .post("/api/mentions")
                .then().statusCode(400).body("detail", containsString("network 'myspace' is not one of"));
        given().auth().oauth2(Tokens.forClient()).contentType("application/json").body("{not json")
                .post("/api/mentions")
                .then().statusCode(400);
    }

    @Test
    void replayReportsEveryLine() {
        String a = UUID.randomUUID().toString();
        String body = post(a, "").replace("\n", "") + "\n"
                + "\n"
                + "this is not json\n"
                + post(a, "").replace("\n", "") + "\n"
                + post("no-text", "").replace("\n", "").replace("\"text\":", "\"txt\":") + "\n";
        given().auth().oauth2(Tokens.forClient()).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/mentions/replay")
                .then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("errors", hasSize(2))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].reason", containsString("not a JSON post"))
                .body("errors[1].line", equalTo(5))
                .body("errors[1].reason", equalTo("text is required"));
    }

    @Test
    void intakeNeedsAnAdminToken() {
        given().contentType("application/json").body(post("x1", "")).post("/api/mentions").then().statusCode(401);
        given().auth().oauth2("not-a-token").contentType("application/json").body(post("x1", ""))
                .post("/api/mentions").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("agent-austin")).contentType("application/json").body(post("x1", ""))
                .post("/api/mentions").then().statusCode(403);
    }

    @Test
    void healthAndMetricsAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
