package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The agents' API over conversations routed through the real broker, with real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ConversationResourceTest {

    @Inject
    ObjectMapper json;

    private RoutingDecision decision(String id, String thread, String centre, String text) {
        Mention m = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare_FR", thread, null,
                new Author("u-" + thread, "@client", 10, false), text, "fr", Instant.parse("2026-11-22T10:00:00Z"),
                null, List.of(), Instant.now());
        ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "fr", new Sentiment(Sentiment.NEGATIVE, -0.5),
                "technical_support", null, "consumer", 0.4, 0.0, false, false, List.of(), Instant.now());
        return new RoutingDecision(RoutingDecision.VERSION, m.conversationKey(), "queued", centre, "general", 40, true,
                List.of("language fr is covered by " + centre), null, s, Instant.now());
    }

    private void publish(RoutingDecision d) throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), d.conversationId(), json.writeValueAsString(d));
        }
    }

    @Test
    void agentsSeeOnlyTheirCentresConversations() throws Exception {
        String thread = UUID.randomUUID().toString();
        publish(decision(thread, thread, "montpellier", "Écran noir depuis ce matin"));
        publish(decision(thread + "-r", thread, "montpellier", "Toujours rien ?"));
        String id = "x:" + thread;
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("agent-montpellier"))
                .get("/api/conversations/" + id)
                .then().statusCode(200)
                .body("conversation.centre", equalTo("montpellier"))
                .body("conversation.messageCount", equalTo(2))
                .body("messages", hasSize(2))
                .body("messages[1].text", equalTo("Toujours rien ?")));
        given().auth().oauth2(Tokens.forUser("agent-montpellier")).get("/api/conversations?limit=500")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.forUser("supervisor-montpellier")).get("/api/conversations?state=queued&limit=500")
                .then().statusCode(200).body("id", hasItem(id));

        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/conversations?limit=500")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/conversations/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void redeliveredDecisionDoesNotDuplicateMessages() throws Exception {
        String thread = UUID.randomUUID().toString();
        RoutingDecision d = decision(thread, thread, "bratislava", "Hallo?");
        publish(d);
        publish(d);
        publish(decision(thread + "-2", thread, "bratislava", "Noch da?"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("agent-bratislava"))
                .get("/api/conversations/x:" + thread)
                .then().statusCode(200)
                .body("messages", hasSize(2)));
    }

    @Test
    void requestsWithoutAValidTokenOrRoleAreRefused() {
        given().get("/api/conversations").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").get("/api/conversations").then().statusCode(401);
        given().auth().oauth2(Tokens.forClient()).get("/api/conversations").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/conversations?limit=100000")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/conversations?state=lost")
                .then().statusCode(400);
    }

    @Test
    void meShowsTheTokensCentreAndRoles() {
        given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo")).get("/api/me")
                .then().statusCode(200)
                .body("name", equalTo("supervisor-sao-paulo"))
                .body("centre", equalTo("sao-paulo"))
                .body("roles", hasItem("supervisor"));
    }
}
