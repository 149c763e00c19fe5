package io.vigie.routing.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.CentreConfig;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Reply;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.TestClock;
import io.vigie.routing.domain.Agent;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies, closes and reopenings from the workspace, and a supervisor pulling a conversation in, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class LifecycleServiceTest {

    @Inject
    ObjectMapper json;
    @Inject
    CentreDirectory directory;
    @Inject
    TestClock clock;

    private RoutingScenario scenario;

    @BeforeEach
    void start() {
        clock.set(TestClock.BASE);
        scenario = new RoutingScenario(json);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private static String state(String id) {
        return RoutingScenario.conversation(id).state;
    }

    @Test
    void replyWaitsForTheCustomerAndFreesCapacityCloseEndsANewMessageReopens() throws Exception {
        scenario.publishCentres(directory, List.of(RoutingScenario.centre("budapest", "Europe/Budapest", List.of("hu"),
                List.of(), "EU", RoutingScenario.ALWAYS, List.of(), new CentreConfig.SlaPolicy(600, 600, 86400, false),
                List.of())));
        scenario.presence("hu-a", "budapest", Agent.ONLINE, 1, List.of());
        RoutingScenario.awaitAgents(Agent.ONLINE, "hu-a");
        String first = scenario.complaint("hu", "facebook:nordlys.hu");
        await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(first) != null
                && "assigned".equals(state(first)));
        String second = scenario.complaint("hu", "facebook:nordlys.hu");
        await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(second) != null
                && "queued".equals(state(second)));

        Reply reply = new Reply(Reply.VERSION, UUID.randomUUID().toString(), first, "facebook", "facebook:nordlys.hu",
                first.substring("facebook:".length()), "Segítünk!", "hu", "hu-a", "budapest", TestClock.BASE.plusSeconds(120));
        scenario.sendRaw(Topics.REPLIES_OUTBOUND, first, json.writeValueAsString(reply));
        await().atMost(Duration.ofSeconds(60)).until(() -> "waiting_customer".equals(state(first)));
        // The agent's capacity is free again: the queued conversation is assigned.
        await().atMost(Duration.ofSeconds(60)).until(() -> "assigned".equals(state(second)));
        String waiting = (String) RoutingScenario.rows("""
                select reason, 1 from conversation_transition where conversation_id = ?1 and to_state = 'waiting_customer'""",
                first).get(0)[0];
        assertTrue(waiting.contains("hu-a replied publicly: waiting for the customer; response SLA met"), waiting);

        // The customer writes again: the conversation reopens.
        String thread = first.substring("facebook:".length());
        scenario.send(RoutingScenario.scored(thread + "-2", thread, "hu", "facebook:nordlys.hu", "Még mindig nem megy",
                "technical_support", "negative", null, 0.5));
        await().atMost(Duration.ofSeconds(60)).until(() -> "queued".equals(state(first)));
        assertTrue(RoutingScenario.rows("""
                select reason, 1 from conversation_transition where conversation_id = ?1 and from_state = 'waiting_customer'""",
                first).get(0)[0].toString().contains("reopened by a new customer message"));

        // The workspace closes the second one: the agent takes the reopened first one.
        ConversationClosed closed = new ConversationClosed(ConversationClosed.VERSION, second, "budapest", "facebook",
                "facebook:nordlys.hu", "hu", "technical_support", "hu-a", null, null, 0, false, 1, 1, null,
                TestClock.BASE.plusSeconds(300));
        scenario.sendRaw(Topics.CONVERSATIONS_CLOSED, second, json.writeValueAsString(closed));
        await().atMost(Duration.ofSeconds(60)).until(() -> "closed".equals(state(second)) && "assigned".equals(state(first)));
        assertEquals("hu-a", RoutingScenario.conversation(first).assignedAgent);
    }

    @Test
    void supervisorPullsANonActionableConversationIn() {
        scenario.publishCentres(directory, RoutingScenario.world());
        String thread = UUID.randomUUID().toString();
        scenario.send(RoutingScenario.scored(thread, thread, "fr", "facebook:nordlys.fr", "Bravo pour le nouveau modèle",
                "praise", "positive", null, 0.1));
        String id = "facebook:" + thread;
        await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(id) != null);
        assertEquals("new", state(id));

        given().auth().oauth2(Tokens.forUser("agent-montpellier")).post("/api/routing/conversations/{id}/pull", id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.forUser("supervisor-austin")).post("/api/routing/conversations/{id}/pull", id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.forUser("supervisor-montpellier")).post("/api/routing/conversations/{id}/pull", id)
                .then().statusCode(200)
                .body("state", equalTo("queued"))
                .body("actionable", equalTo(true))
                .body("decision.reasons", hasItem("pulled into the queues by supervisor-montpellier"));
    }
}
