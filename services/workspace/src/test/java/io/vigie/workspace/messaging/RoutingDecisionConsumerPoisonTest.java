package io.vigie.workspace.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.fuzz.PoisonRecords;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Mutated conversations.routed records each go to conversations.routed.dlq with a reason or update the read model;
 * the valid decision behind each on its partition is applied, never stuck behind it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class RoutingDecisionConsumerPoisonTest {

    private static final Logger LOG = Logger.getLogger(RoutingDecisionConsumerPoisonTest.class);

    @Inject
    ObjectMapper json;

    @Test
    void poisonRecordsAreDeadLetteredAndNeverBlockTheirPartition() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        PoisonRecords.Outcome o = PoisonRecords.check(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                TestTopics.topic(Topics.CONVERSATIONS_ROUTED) + ".dlq",
                i -> {
                    String id = run + "-" + i + "z";
                    Mention m = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare", id, null,
                            new Author("u-" + id, "@claire", 230, false), "Mon écran reste noir, réf " + id, "fr",
                            Instant.parse("2026-11-22T10:00:00Z"), null, List.of(), Instant.now());
                    ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "fr", new Sentiment(Sentiment.NEGATIVE, -0.6),
                            "technical_support", "Nordlys X1", "consumer", 0.4, 0.0, false, false, List.of(), Instant.now());
                    RoutingDecision d = new RoutingDecision(RoutingDecision.VERSION, m.conversationKey(), "queued", "montpellier",
                            "general", 40, true, List.of("language fr is covered by montpellier"), null, s, Instant.now());
                    try {
                        return new PoisonRecords.Sample(d.conversationId(), id, json.writeValueAsString(d));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                RoutingDecisionConsumerPoisonTest::stored, Integer.getInteger("fuzz.records", 40), seed, Duration.ofSeconds(120));
        LOG.infof("seed %d: %s", seed, o);
        assertTrue(o.problems().isEmpty(), "seed " + seed + ": " + o);
    }

    /** Whether the read model holds a message of this id (in its key or its text). */
    private static boolean stored(String id) {
        Infra infra = Infra.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("workspace_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD"));
                PreparedStatement st = c.prepareStatement("select count(*) from message where mention_key like ? or text like ?")) {
            st.setString(1, "%" + id + "%");
            st.setString(2, "%" + id + "%");
            try (ResultSet r = st.executeQuery()) {
                return r.next() && r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
