package io.vigie.workspace.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.RoutingDecision;
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

/** Decisions of routing applied to the read model, in the order routing takes them. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class RoutingDecisionConsumerTest {

    @Inject
    ObjectMapper json;

    /**
     * A conversation no centre may take at first (routing's centre is null), then given a centre by a decision
     * without a message, reaches that centre's agents with its message and SLA. It used to be dead-lettered at first
     * and then ignored as unknown, so that no agent ever saw it (found by make chaos).
     */
    @Test
    void aConversationThatWaitedForACentreReachesItsAgents() throws Exception {
        String thread = UUID.randomUUID().toString();
        RoutingDecision first = io.vigie.workspace.rest.FixturesAccess.decision(thread, "pt",
                "A tela ficou preta depois da atualização, o que faço?", Sentiment.NEGATIVE, -0.6);
        RoutingDecision waiting = new RoutingDecision(RoutingDecision.VERSION, first.conversationId(), "new", null, "unrouted", 40,
                true, List.of("no centre covers pt here: waiting until one does"), null, first.message(), Instant.now());
        Instant due = Instant.parse("2026-11-22T11:00:00Z");
        RoutingDecision routed = new RoutingDecision(RoutingDecision.VERSION, first.conversationId(), "queued", "montpellier",
                "general", 40, true, List.of("a centre configuration now covers pt"), due, null, Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), waiting.conversationId(), json.writeValueAsString(waiting));
            kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), routed.conversationId(), json.writeValueAsString(routed));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.forUser("agent-montpellier")).get("/api/conversations/" + first.conversationId())
                .then().statusCode(200).body("conversation.state", equalTo("queued"))
                .body("conversation.slaDueAt", equalTo("2026-11-22T11:00:00Z"))
                .body("messages.size()", equalTo(1)));
    }
}
