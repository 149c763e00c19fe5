package io.vigie.routing.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.CentreConfig;
import io.vigie.events.RoutingDecision;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.TestClock;
import io.vigie.routing.domain.Agent;
import io.vigie.routing.domain.Conversation;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clock's work: SLA breach escalation and skill widening, driven by the controllable clock. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class MaintenanceServiceTest {

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
        clock.set(TestClock.BASE);
        scenario.close();
    }

    @Test
    void slaBreachEscalatesThenWaitingWidensTheSkills() throws Exception {
        scenario.publishCentres(directory, List.of(RoutingScenario.centre("copenhagen", "Europe/Copenhagen", List.of("da"),
                List.of(), "EU", RoutingScenario.ALWAYS, List.of("gaming"), new CentreConfig.SlaPolicy(600, 600, 86400, false),
                List.of())));
        String thread = UUID.randomUUID().toString();
        scenario.send(RoutingScenario.scored(thread, thread, "da", "facebook:nordlys.dk", "Min controller virker ikke?",
                "technical_support", "negative", "gaming", 0.5));
        String id = "facebook:" + thread;
        await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(id) != null
                && "queued".equals(RoutingScenario.conversation(id).state));
        Conversation queued = RoutingScenario.conversation(id);
        assertEquals("gaming", queued.queue);
        assertEquals(TestClock.BASE.plusSeconds(600), queued.slaDueAt);
        assertEquals(50, queued.priority);

        // Eleven minutes later, nobody answered: the first-response SLA is breached.
        clock.advance(Duration.ofMinutes(11));
        RoutingDecision escalated = json.readValue(scenario.kafka().await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals(id) && r.value().contains("\"escalationLevel\":1"), Duration.ofSeconds(60)).value(),
                RoutingDecision.class);
        assertEquals(70, escalated.priority());
        assertTrue(escalated.reasons().contains("response SLA breached (due " + TestClock.BASE.plusSeconds(600) + ")"),
                escalated.reasons().toString());
        assertTrue(escalated.reasons().contains("supervisors of copenhagen notified"), escalated.reasons().toString());

        // An agent without the gaming skill is online: after 15 minutes in the gaming queue, any agent may take it.
        scenario.presence("da-generalist", "copenhagen", Agent.ONLINE, 3, List.of());
        RoutingScenario.awaitAgents(Agent.ONLINE, "da-generalist");
        assertEquals("queued", RoutingScenario.conversation(id).state, "no gaming agent yet");
        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> "da-generalist".equals(RoutingScenario.conversation(id).assignedAgent));
        List<Object[]> widened = RoutingScenario.rows(
                "select reason, 1 from conversation_transition where conversation_id = ?1 and reason like 'waited more than%'", id);
        assertEquals(1, widened.size());
        assertEquals(1, RoutingScenario.conversation(id).escalationLevel, "escalated once per breach");
    }
}
