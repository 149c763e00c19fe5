package io.vigie.centres.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * mentions.scored is counted in batches: a burst of many records with an unreadable one and one the tables cannot
 * hold among them counts every good record once and dead-letters the two bad ones with their reasons.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class EventStreamsConsumerTest {

    /** An hour no other test writes to. */
    private static final Instant T0 = Instant.parse("2026-09-20T10:00:00Z");

    @Inject
    ObjectMapper json;

    @Test
    void oneBadRecordInABatchIsDeadLetteredWithoutLosingTheOthers() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(record(mention(run + "-" + i, "x", i)));
            if (i == 100) {
                records.add(Map.entry("bad", "{\"garbage\": \"" + run + "\"}"));
            }
            if (i == 200) {
                // volume_bucket.network holds 32 characters: this one fails its batch's transaction.
                records.add(record(mention(run + "-long", "n".repeat(40), i)));
            }
            if (i % 50 == 3) {
                records.add(record(mention(run + "-" + (i - 1), "x", i - 1))); // a redelivery
            }
        }
        String dlq = TestTopics.topic(Topics.deadLetter(Topics.MENTIONS_SCORED));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendAll(TestTopics.topic(Topics.MENTIONS_SCORED), records);
            ConsumerRecord<String, String> garbage = kafka.await(dlq, r -> r.value().contains(run) && r.value().contains("garbage"),
                    Duration.ofSeconds(90));
            assertTrue(reason(garbage).contains("required field missing: mention"), reason(garbage));
            ConsumerRecord<String, String> tooLong = kafka.await(dlq, r -> r.value().contains(run + "-long"), Duration.ofSeconds(90));
            assertTrue(reason(tooLong).contains("too long"), reason(tooLong));
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(300, seen(run)));
        assertEquals(300, volume());
    }

    private Map.Entry<String, String> record(ScoredMention s) throws Exception {
        return Map.entry(s.mention().conversationKey(), json.writeValueAsString(s));
    }

    static ScoredMention mention(String id, String network, int i) {
        Instant at = T0.plus(Duration.ofSeconds(i * 10L));
        Mention m = new Mention(Mention.VERSION, network, id, network + ":brand", id, null, new Author("a" + id, "@a", 1, false),
                "Screen stays black " + id, "en", at, null, List.of(), at);
        return new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEGATIVE, -0.5), "technical_support",
                null, "consumer", 0.4, 0.1, false, false, List.of(), at);
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader(io.vigie.apisupport.DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    /** Mentions of {@code run} counted (the database read directly, not through the service). */
    static long seen(String run) throws SQLException {
        return count("select count(*) from mention_seen where source = 'scored' and mention_key like ?", "x:" + run + "-%");
    }

    private static long volume() throws SQLException {
        return count("select coalesce(sum(mentions), 0) from volume_bucket where granularity = 'hour' and centre = '*' "
                + "and bucket = ?", Timestamp.from(T0));
    }

    private static long count(String sql, Object arg) throws SQLException {
        Infra infra = Infra.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("centres_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD")); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, arg);
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
