package io.vigie.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.vigie.events.Topics;
import io.vigie.testsupport.PipelineTrace;
import io.vigie.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mention given to ingestion travels through Kafka to scoring and routing and is listed by the workspace for
 * an agent of the right centre, with real Keycloak tokens; other centres and anonymous callers do not see it.
 */
class FirstMentionEndToEndTest {

    private static VigieServices services;

    @BeforeAll
    static void startServices() throws Exception {
        services = VigieServices.start();
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    private static String post(String id, String threadId, String lang, String text) {
        return ("{\"network\":\"x\",\"id\":\"%s\",\"space\":\"x:@NordlysCare_FR\",\"threadId\":\"%s\","
                + "\"author\":{\"id\":\"u-%s\",\"handle\":\"@claire\",\"followers\":230,\"verified\":false},"
                + "\"text\":\"%s\",\"lang\":\"%s\",\"createdAt\":\"2026-11-22T10:00:00Z\"}")
                .formatted(id, threadId, threadId, text, lang);
    }

    /**
     * Waits up to 2 minutes for {@code assertion}; if it still fails, the failure says where the conversation's records
     * stopped (topics, partitions, committed offsets, assignments): an intermittent failure must explain itself.
     */
    private static void awaitThrough(String conversation, ThrowingRunnable assertion) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(assertion);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + PipelineTrace.of(services.topicPrefix(), conversation,
                    List.of(Topics.MENTIONS_RAW, Topics.MENTIONS_SCORED, Topics.CONVERSATIONS_ROUTED,
                            Topics.deadLetter(Topics.MENTIONS_RAW), Topics.deadLetter(Topics.MENTIONS_SCORED),
                            Topics.deadLetter(Topics.CONVERSATIONS_ROUTED))), e);
        }
    }

    @Test
    void mentionFromHttpIntakeReachesTheRightCentresQueue() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.forClient()).contentType("application/json")
                .body(post(id, id, "fr", "Mon Nordlys ne démarre plus depuis la mise à jour"))
                .post(services.url("ingestion") + "/api/mentions")
                .then().statusCode(202);

        String conversation = "x:" + id;
        awaitThrough(conversation, () -> given()
                .auth().oauth2(Tokens.forUser("agent-montpellier"))
                .get(services.url("workspace") + "/api/conversations?limit=500")
                .then().statusCode(200).body("id", hasItem(conversation)));

        given().auth().oauth2(Tokens.forUser("agent-montpellier"))
                .get(services.url("workspace") + "/api/conversations/" + conversation)
                .then().statusCode(200)
                .body("conversation.centre", equalTo("montpellier"))
                .body("messages[0].text", equalTo("Mon Nordlys ne démarre plus depuis la mise à jour"));
        given().get(services.url("workspace") + "/api/conversations").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("agent-austin"))
                .get(services.url("workspace") + "/api/conversations?limit=500")
                .then().statusCode(200).body("id", not(hasItem(conversation)));
        given().auth().oauth2(Tokens.forUser("agent-austin"))
                .get(services.url("workspace") + "/api/conversations/" + conversation)
                .then().statusCode(404);
    }

    @Test
    void replayedThreadBecomesOneConversation() {
        String root = UUID.randomUUID().toString();
        String file = post(root, root, "de", "Mein Laptop startet nicht mehr") + "\n"
                + post(root + "-2", root, "de", "Hallo? Immer noch kaputt") + "\n";
        given().auth().oauth2(Tokens.forClient()).contentType("application/x-ndjson")
                .body(file.getBytes(StandardCharsets.UTF_8))
                .post(services.url("ingestion") + "/api/mentions/replay")
                .then().statusCode(200).body("accepted", equalTo(2)).body("rejected", equalTo(0));

        awaitThrough("x:" + root, () -> given()
                .auth().oauth2(Tokens.forUser("agent-bratislava"))
                .get(services.url("workspace") + "/api/conversations/x:" + root)
                .then().statusCode(200)
                .body("conversation.messageCount", equalTo(2))
                .body("conversation.state", equalTo("queued")));
    }
}
