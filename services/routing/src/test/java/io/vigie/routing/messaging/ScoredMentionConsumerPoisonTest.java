package io.vigie.routing.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.ScoredMention;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.TestClock;
import io.vigie.routing.service.CentreDirectory;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.TopicWatcher;
import io.vigie.testsupport.fuzz.PoisonRecords;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Mutated mentions.scored records each go to mentions.scored.dlq with a reason or are routed; the valid record behind
 * each on its partition is routed (published on conversations.routed), never stuck behind it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ScoredMentionConsumerPoisonTest {

    private static final Logger LOG = Logger.getLogger(ScoredMentionConsumerPoisonTest.class);

    @Inject
    ObjectMapper json;
    @Inject
    CentreDirectory directory;
    @Inject
    TestClock clock;

    @Test
    void poisonRecordsAreDeadLetteredAndNeverBlockTheirPartition() {
        clock.set(TestClock.BASE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        long before = sql("select coalesce(max(arrival), 0) from conversation", -1);
        try (RoutingScenario scenario = new RoutingScenario(json);
                TopicWatcher routed = new TopicWatcher(TestTopics.topic(Topics.CONVERSATIONS_ROUTED))) {
            scenario.publishCentres(directory, RoutingScenario.world());
            PoisonRecords.Outcome o = PoisonRecords.check(TestTopics.topic(Topics.MENTIONS_SCORED),
                    TestTopics.topic(Topics.MENTIONS_SCORED) + ".dlq",
                    i -> {
                        String id = run + "-" + i + "z";
                        ScoredMention s = RoutingScenario.scored(id, id, "fr", "facebook:nordlys.fr",
                                "Bonjour, ma commande n'est pas arrivée, réf " + id, "billing_delivery", "negative", null, 0.6);
                        try {
                            return new PoisonRecords.Sample(s.mention().conversationKey(), id, json.writeValueAsString(s));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    routed::anyValueContains, Integer.getInteger("fuzz.records", 40), seed, Duration.ofSeconds(120));
            LOG.infof("seed %d: %s", seed, o);
            assertTrue(o.problems().isEmpty(), "seed " + seed + ": " + o);
        } finally {
            // the mutated records opened conversations in every centre's queue: close them, or the assignment tests
            // that follow would see their agents take these first
            sql("update conversation set state = 'closed', assigned_agent = null where arrival > ?", before);
        }
    }

    private static long sql(String statement, long parameter) {
        io.vigie.testsupport.Infra infra = io.vigie.testsupport.Infra.get();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(infra.jdbcUrl("routing_test"),
                infra.value("VIGIE_DB_USER"), infra.value("VIGIE_DB_PASSWORD"));
                java.sql.PreparedStatement st = c.prepareStatement(statement)) {
            if (parameter >= 0) {
                st.setLong(1, parameter);
                return st.executeUpdate();
            }
            try (java.sql.ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
