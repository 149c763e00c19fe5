package io.vigie.routing.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigie.events.CentreConfig;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.TestClock;
import io.vigie.routing.domain.Agent;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.messaging.RoutingFlow;
import io.vigie.routing.messaging.ScoredMentionConsumer;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capacity-aware, fair assignment; release on offline; and two routing instances on one stream, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class AssignmentServiceTest {

    @Inject
    ObjectMapper json;
    @Inject
    CentreDirectory directory;
    @Inject
    TestClock clock;
    @Inject
    RoutingFlow flow;
    @Inject
    AssignmentService assignment;

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

    /** A centre of its own for one test: one language, always open, no skills. */
    private void centre(String id, String language) {
        scenario.publishCentres(directory, List.of(RoutingScenario.centre(id, "Europe/Helsinki", List.of(language),
                List.of(), "EU", RoutingScenario.ALWAYS, List.of(), new CentreConfig.SlaPolicy(3600, 3600, 86400, false),
                List.of())));
    }

    private static Map<String, Integer> loads(String centre) {
        Map<String, Integer> loads = new HashMap<>();
        RoutingScenario.rows("""
                select assigned_agent, count(*) from conversation where centre = ?1 and state = 'assigned'
                group by assigned_agent""", centre).forEach(r -> loads.put((String) r[0], ((Number) r[1]).intValue()));
        return loads;
    }

    private static long count(String sql, Object... params) {
        return ((Number) RoutingScenario.rows(sql, params).get(0)[0]).longValue();
    }

    private List<String> conversations(String lang, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(scenario.complaint(lang, "facebook:nordlys." + lang));
        }
        return ids;
    }

    @Test
    void twentyConversationsAndThreeAgentsOfCapacityFiveEndUpBalanced() {
        centre("helsinki", "fi");
        for (String a : List.of("fi-1", "fi-2", "fi-3")) {
            scenario.presence(a, "helsinki", Agent.ONLINE, 5, List.of());
        }
        RoutingScenario.awaitAgents(Agent.ONLINE, "fi-1", "fi-2", "fi-3");

        conversations("fi", 12);
        await().atMost(Duration.ofSeconds(60)).until(() -> loads("helsinki").values().stream().mapToInt(i -> i).sum() == 12);
        assertEquals(Map.of("fi-1", 4, "fi-2", 4, "fi-3", 4), loads("helsinki"), "least loaded first");

        conversations("fi", 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*), 1 from conversation where centre = 'helsinki' and state in ('queued', 'assigned')") == 20);
        assertEquals(Map.of("fi-1", 5, "fi-2", 5, "fi-3", 5), loads("helsinki"), "never above capacity");
        // The five left waiting are the five that arrived last.
        long lastAssigned = count("select max(arrival), 1 from conversation where centre = 'helsinki' and state = 'assigned'");
        long firstQueued = count("select min(arrival), 1 from conversation where centre = 'helsinki' and state = 'queued'");
        assertEquals(5, count("select count(*), 1 from conversation where centre = 'helsinki' and state = 'queued'"));
        assertTrue(firstQueued > lastAssigned, "arrival order: " + firstQueued + " > " + lastAssigned);
    }

    @Test
    void agentGoingOfflineReleasesTheirConversationsInArrivalOrder() {
        centre("stockholm", "sv");
        scenario.presence("sv-a", "stockholm", Agent.ONLINE, 5, List.of());
        RoutingScenario.awaitAgents(Agent.ONLINE, "sv-a");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = scenario.complaint("sv", "facebook:nordlys.se");
            await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(id) != null
                    && "sv-a".equals(RoutingScenario.conversation(id).assignedAgent));
            ids.add(id);
        }

        scenario.presence("sv-a", "stockholm", Agent.OFFLINE, 5, List.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> "queued".equals(RoutingScenario.conversation(id).state)));
        List<Long> releaseOrder = new ArrayList<>();
        for (String id : ids) {
            List<Object[]> t = RoutingScenario.rows("""
                    select id, reason from conversation_transition where conversation_id = ?1 and from_state = 'assigned'
                    and to_state = 'queued'""", id);
            assertEquals(1, t.size());
            assertTrue(((String) t.get(0)[1]).startsWith("agent sv-a went offline: back to the queue"), (String) t.get(0)[1]);
            releaseOrder.add(((Number) t.get(0)[0]).longValue());
        }
        assertTrue(releaseOrder.get(0) < releaseOrder.get(1) && releaseOrder.get(1) < releaseOrder.get(2),
                "released in arrival order: " + releaseOrder);

        // A colleague with room for two takes the two that arrived first.
        scenario.presence("sv-b", "stockholm", Agent.ONLINE, 2, List.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> loads("stockholm").getOrDefault("sv-b", 0) == 2);
        assertEquals("sv-b", RoutingScenario.conversation(ids.get(0)).assignedAgent);
        assertEquals("sv-b", RoutingScenario.conversation(ids.get(1)).assignedAgent);
        assertEquals("queued", RoutingScenario.conversation(ids.get(2)).state);
    }

    @Test
    void holdingCentreKeepsItsQueueForAgentsToClaim() throws Throwable {
        centre("vilnius", "lt");
        scenario.presence("lt-a", "vilnius", Agent.ONLINE, 5, List.of());
        RoutingScenario.awaitAgents(Agent.ONLINE, "lt-a");
        String id = scenario.complaint("lt", "facebook:nordlys.lt");
        await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(id) != null
                && "queued".equals(RoutingScenario.conversation(id).state));
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> assignment.dispatch("vilnius")).isEmpty());
        assertEquals("queued", RoutingScenario.conversation(id).state);
        assertEquals(null, RoutingScenario.conversation(id).assignedAgent);
    }

    @Test
    void twoRoutingInstancesAssignEveryConversationExactlyOnce() throws Exception {
        centre("oslo", "no");
        List<String> agents = List.of("no-1", "no-2", "no-3", "no-4");
        for (String a : agents) {
            scenario.presence(a, "oslo", Agent.ONLINE, 10, List.of());
        }
        RoutingScenario.awaitAgents(Agent.ONLINE, agents.toArray(String[]::new));

        // A second instance: a plain consumer in routing's group driving the same service classes.
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.get().kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.prefix() + "routing");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean assigned = new AtomicBoolean(false);
        AtomicInteger processed = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread second = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(List.of(TestTopics.topic(Topics.MENTIONS_SCORED)));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        var scored = ScoredMentionConsumer.parse(json, r.value());
                        VertxContextSupport.subscribeAndAwait(() -> flow.onScored(scored));
                        if ("no".equals(scored.language())) {
                            processed.incrementAndGet();
                        }
                    }
                    consumer.commitSync();
                    assigned.set(!consumer.assignment().isEmpty());
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "second-routing-instance");
        second.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(assigned::get);
            List<String> ids = conversations("no", 30);
            await().atMost(Duration.ofSeconds(90)).until(() -> failure.get() != null
                    || count("select count(*), 1 from conversation where centre = 'oslo' and state = 'assigned'") == 30);
            assertEquals(null, failure.get());
            assertTrue(processed.get() > 0 && processed.get() < 30, "both instances worked: second took " + processed.get());
            for (String id : ids) {
                assertEquals(1, count("""
                        select count(*), 1 from conversation_transition where conversation_id = ?1 and to_state = 'assigned'""",
                        id), id + " assigned once");
                assertEquals(1, count("""
                        select count(*), 1 from routing_decision where conversation_id = ?1
                        and payload like '%"state":"assigned"%'""", id), id + " one assignment decision");
                Conversation c = RoutingScenario.conversation(id);
                assertTrue(agents.contains(c.assignedAgent), c.assignedAgent);
            }
            loads("oslo").values().forEach(load -> assertTrue(load <= 10, "capacity respected: " + load));
        } finally {
            running.set(false);
            second.join(30_000);
        }
    }
}
