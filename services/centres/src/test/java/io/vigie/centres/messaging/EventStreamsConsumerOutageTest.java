package io.vigie.centres.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigie.events.ScoredMention;
import io.vigie.events.Topics;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TcpProxy;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Records read while the database cannot be reached wait for it (ADR 0131): the service reaches PostgreSQL through a
 * relay the test cuts, as a database that goes down (its connections dropped, new ones refused), and restores. Every
 * mention sent during the outage is counted once the database is back; none was dead-lettered (a dead-lettered record
 * is never counted).
 */
@QuarkusTest
@TestProfile(EventStreamsConsumerOutageTest.DatabaseBehindRelay.class)
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class EventStreamsConsumerOutageTest {

    /** The service's reactive pool connects through {@link #RELAY}; the test reads the database directly. */
    public static class DatabaseBehindRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url",
                    "postgresql://127.0.0.1:" + RELAY.port() + "/${vigie.db.name}");
        }
    }

    static final TcpProxy RELAY = relay();

    @Inject
    ObjectMapper json;

    @Test
    void mentionsReadWhileTheDatabaseIsDownAreCountedWhenItIsBack() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String topic = TestTopics.topic(Topics.MENTIONS_SCORED);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.sendAll(topic, List.of(record(EventStreamsConsumerTest.mention(run + "-0", "x", 0))));
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertEquals(1, EventStreamsConsumerTest.seen(run)));

            RELAY.cut();
            try {
                List<Map.Entry<String, String>> during = new ArrayList<>();
                for (int i = 1; i <= 40; i++) {
                    during.add(record(EventStreamsConsumerTest.mention(run + "-" + i, "x", i)));
                }
                kafka.sendAll(topic, during);
                // Long enough for the consumer to poll them (it waits at most 1 s for a fuller poll) and fail a few times.
                Thread.sleep(6_000);
                assertEquals(1, EventStreamsConsumerTest.seen(run), "nothing can be counted while the database is cut off");
            } finally {
                RELAY.restore();
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertEquals(41, EventStreamsConsumerTest.seen(run)));
    }

    private Map.Entry<String, String> record(ScoredMention s) throws Exception {
        return Map.entry(s.mention().conversationKey(), json.writeValueAsString(s));
    }

    private static TcpProxy relay() {
        Infra infra = Infra.get();
        try {
            return new TcpProxy(infra.value("VIGIE_PG_HOST"), Integer.parseInt(infra.value("VIGIE_PG_PORT")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
