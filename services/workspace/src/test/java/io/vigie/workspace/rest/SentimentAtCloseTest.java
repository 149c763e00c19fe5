package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sentiment at start and end of closed conversations: stored, shown, and published on conversations.closed. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class SentimentAtCloseTest {

    @Inject
    ObjectMapper json;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType("application/json");
    }

    private ConversationClosed closedEvent(String id) throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            return json.readValue(kafka.await(TestTopics.topic(Topics.CONVERSATIONS_CLOSED),
                    r -> id.equals(r.key()), Fixtures.WAIT).value(), ConversationClosed.class);
        }
    }

    @Test
    void customerWhoRestatesAHappierSentimentAfterTheReply() throws Exception {
        String thread = UUID.randomUUID().toString();
        String id = "x:" + thread;
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Fixtures.publish(json, Fixtures.decision(thread, thread, "austin", "x:@NordlysCare", "en",
                "My laptop died after the update, furious", Sentiment.NEGATIVE, -0.7, t0));
        Fixtures.awaitVisible(id, "agent-austin", 1);
        as("agent-austin").body("{\"text\":\"Sorry to hear that! Please hold the power button for 30 seconds and let us know.\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(202);
        Fixtures.publish(json, Fixtures.decision(thread + "-2", thread, "austin", "x:@NordlysCare", "en",
                "It works again, thank you so much!", Sentiment.POSITIVE, 0.8, Instant.now().plusSeconds(5)));
        Fixtures.awaitVisible(id, "agent-austin", 3);
        as("agent-austin").get("/api/conversations/" + id).then().body("conversation.state", equalTo("assigned"));

        as("agent-austin").post("/api/conversations/" + id + "/close").then().statusCode(200)
                .body("openingSentiment", equalTo("negative")).body("openingScore", equalTo(-0.7f))
                .body("closingSentiment", equalTo("positive")).body("closingScore", equalTo(0.8f))
                .body("sentimentDelta", equalTo(1.5f)).body("restatedPublicly", equalTo(true));

        ConversationClosed e = closedEvent(id);
        assertEquals(new Sentiment(Sentiment.NEGATIVE, -0.7), e.openingSentiment());
        assertEquals(new Sentiment(Sentiment.POSITIVE, 0.8), e.closingSentiment());
        assertEquals(1.5, e.sentimentDelta(), 1e-9);
        assertTrue(e.restatedPublicly());
        assertEquals(2, e.customerMessages());
        assertEquals(1, e.replies());
        assertEquals("austin", e.centre());
        assertEquals("agent-austin", e.closedBy());
        assertEquals(t0, e.openedAt());
    }

    @Test
    void customerWhoNeverCameBackHasNoRestatement() throws Exception {
        String id = Fixtures.conversation(json, "sao-paulo", "x:@NordlysCare_BR", "pt", "Meu notebook não liga",
                "agent-sao-paulo");
        as("agent-sao-paulo").body("{\"text\":\"Lamentamos o problema! Você pode nos dizer qual versão está instalada?\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(202);
        as("agent-sao-paulo").post("/api/conversations/" + id + "/close").then().statusCode(200)
                .body("sentimentDelta", equalTo(0.0f)).body("restatedPublicly", equalTo(false));
        ConversationClosed e = closedEvent(id);
        assertEquals(e.openingSentiment(), e.closingSentiment());
        assertFalse(e.restatedPublicly());
        assertEquals(1, e.customerMessages());
    }
}
