package io.vigie.centres.messaging;

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
import java.util.function.Function;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Mutated mentions.scored and conversations.routed records (both read in batches of one poll) each go to the
 * dead-letter topic with a reason or are counted; the valid record behind each on its partition is counted, never
 * stuck behind it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class EventStreamsConsumerPoisonTest {

    private static final Logger LOG = Logger.getLogger(EventStreamsConsumerPoisonTest.class);

    @Inject
    ObjectMapper json;

    @Test
    void poisonRecordsAreDeadLetteredAndNeverBlockTheirPartition() {
        check(Topics.MENTIONS_SCORED, "z", s -> s, EventStreamsConsumerPoisonTest::counted);
    }

    @Test
    void poisonRoutingDecisionsAreDeadLetteredAndNeverBlockTheirPartition() {
        String centre = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        check(Topics.CONVERSATIONS_ROUTED, "r", s -> new RoutingDecision(RoutingDecision.VERSION,
                s.mention().conversationKey(), "queued", centre, "billing-en", 2, true, List.of("poison test"),
                Instant.now().plusSeconds(900), s, Instant.now()),
                // Recorded: its conversation's placement, or (when the conversation id was mutated) its message.
                id -> exists("select count(*) from conversation_fact where position(? in id) > 0", id)
                        || exists("select count(*) from mention_seen where source = 'routed' and position(? in mention_key"
                                + " || ' ' || coalesce(text, '')) > 0", id));
    }

    /**
     * Sends mutated and valid records of {@code topic}, each built by {@code event} around a scored mention whose
     * ids and text hold a record's id, and checks each is dead-lettered with a reason or {@code recorded}.
     */
    private void check(String topic, String suffix, Function<ScoredMention, Object> event, Predicate<String> recorded) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        PoisonRecords.Outcome o = PoisonRecords.check(TestTopics.topic(topic), TestTopics.topic(topic) + ".dlq",
                i -> {
                    String id = run + "-" + i + suffix;
                    Mention m = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare", id, null,
                            new Author("a" + id, "@a", 10, false), "Screen stays black ref " + id, "en",
                            Instant.now(), null, List.of(), Instant.now());
                    ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEGATIVE, -0.5),
                            "technical_support", null, "consumer", 0.4, 0.1, false, false, List.of(), Instant.now());
                    try {
                        return new PoisonRecords.Sample(m.conversationKey(), id, json.writeValueAsString(event.apply(s)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                recorded, Integer.getInteger("fuzz.records", 40), seed, Duration.ofSeconds(120));
        LOG.infof("seed %d: %s", seed, o);
        assertTrue(o.problems().isEmpty(), "seed " + seed + ": " + o);
    }

    private static boolean counted(String id) {
        return exists("select count(*) from mention_seen where position(? in mention_key || ' ' || coalesce(text, '')) > 0", id);
    }

    private static boolean exists(String sql, String id) {
        Infra infra = Infra.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("centres_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD"));
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, id);
            try (ResultSet r = st.executeQuery()) {
                return r.next() && r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
