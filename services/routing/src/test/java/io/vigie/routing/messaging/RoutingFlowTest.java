package io.vigie.routing.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.CentreConfig;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.TestClock;
import io.vigie.routing.domain.Agent;
import io.vigie.routing.service.CentreDirectory;
import io.vigie.testsupport.InfraTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A burst through the whole flow on the real broker and database: every message threaded, every conversation
 * decided and assigned within capacity (10 agents sharing exactly enough capacity), nothing lost; prints the
 * measured rate (ROUTING-BENCH line).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class RoutingFlowTest {

    /** Size of the burst; {@code -Drouting.bench.conversations=500} for a longer measurement. */
    private static final int CONVERSATIONS = Integer.getInteger("routing.bench.conversations", 60);
    private static final int MESSAGES_PER_CONVERSATION = 2;

    @Inject
    ObjectMapper json;
    @Inject
    CentreDirectory directory;
    @Inject
    TestClock clock;

    private static long count(String sql) {
        return ((Number) RoutingScenario.rows(sql).get(0)[0]).longValue();
    }

    @Test
    void aBurstIsRoutedAndAssignedWithoutLoss() {
        clock.set(TestClock.BASE);
        try (RoutingScenario scenario = new RoutingScenario(json)) {
            scenario.publishCentres(directory, List.of(RoutingScenario.centre("bucharest", "Europe/Bucharest",
                    List.of("ro"), List.of(), "EU", RoutingScenario.ALWAYS, List.of(),
                    new CentreConfig.SlaPolicy(3600, 3600, 86400, false), List.of())));
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                agents.add("ro-" + i);
                scenario.presence("ro-" + i, "bucharest", Agent.ONLINE, (CONVERSATIONS + 9) / 10, List.of());
            }
            RoutingScenario.awaitAgents(Agent.ONLINE, agents.toArray(String[]::new));

            long start = System.nanoTime();
            for (int i = 0; i < CONVERSATIONS; i++) {
                String thread = UUID.randomUUID().toString();
                for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                    String id = m == 0 ? thread : thread + "-" + m;
                    scenario.send(RoutingScenario.scored(id, thread, "ro", "facebook:nordlys.ro",
                            "Laptopul nu pornește?", "technical_support", "negative", null, 0.5));
                }
            }
            long sent = System.nanoTime();
            await().atMost(Duration.ofSeconds(Math.max(120, CONVERSATIONS))).until(() -> count("""
                    select count(*), 1 from conversation_message m join conversation c on c.id = m.conversation_id
                    where c.centre = 'bucharest'""") == (long) CONVERSATIONS * MESSAGES_PER_CONVERSATION
                    && count("select count(*), 1 from conversation where centre = 'bucharest' and state = 'assigned'")
                            == CONVERSATIONS);
            long done = System.nanoTime();
            assertEquals(CONVERSATIONS, count("select count(*), 1 from conversation where centre = 'bucharest'"));
            assertEquals(0, count("""
                    select count(*), 1 from routing_decision d join conversation c on c.id = d.conversation_id
                    where c.centre = 'bucharest' and d.published_at is null and d.created_at < now() - interval '1 minute'"""),
                    "every decision published");
            long maxLoad = count("""
                    select coalesce(max(n), 0), 1 from (select count(*) n from conversation
                    where centre = 'bucharest' and state = 'assigned' group by assigned_agent) loads""");
            assertEquals((CONVERSATIONS + 9) / 10, maxLoad, "no agent above capacity");
            double seconds = (done - start) / 1e9;
            System.out.printf("ROUTING-BENCH: %d messages, %d conversations, 10 agents: sent in %.1f s, all threaded and"
                    + " assigned after %.1f s (%.0f messages/s end to end)%n", CONVERSATIONS * MESSAGES_PER_CONVERSATION,
                    CONVERSATIONS, (sent - start) / 1e9, seconds, CONVERSATIONS * MESSAGES_PER_CONVERSATION / seconds);
        }
    }
}
