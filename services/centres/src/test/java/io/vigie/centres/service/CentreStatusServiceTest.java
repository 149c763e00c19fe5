package io.vigie.centres.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.centres.config.SettableClock;
import io.vigie.events.AgentPresence;
import io.vigie.events.Author;
import io.vigie.events.CentreStatus;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Centre status from business hours (controllable clock), presence and the routed backlog, published on centres.status. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CentreStatusServiceTest {

    /** Monday 23 November 2026, 10:00 in Montpellier and Bratislava, 03:00 in Austin. */
    private static final Instant MONDAY_MORNING_PARIS = Instant.parse("2026-11-23T09:00:00Z");
    /** Sunday 22 November 2026, 13:00 in Montpellier: closed. */
    private static final Instant SUNDAY_PARIS = Instant.parse("2026-11-22T12:00:00Z");

    @Inject
    SettableClock clock;
    @Inject
    CentreStatusService status;
    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CentreStatus awaitStatus(KafkaTestClient kafka, String centre, Predicate<CentreStatus> match) {
        return kafka.awaitAll(TestTopics.topic(Topics.CENTRES_STATUS), r -> {
            try {
                return r.key().equals(centre) && match.test(json.readValue(r.value(), CentreStatus.class));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 1, Duration.ofSeconds(60)).stream().map(r -> {
            try {
                return json.readValue(r.value(), CentreStatus.class);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).findFirst().orElseThrow();
    }

    @Test
    void openAndClosedFollowBusinessHoursInTheCentresTimeZone() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            clock.set(MONDAY_MORNING_PARIS);
            status.refresh().await().atMost(Duration.ofSeconds(60));
            CentreStatus open = awaitStatus(kafka, "montpellier", s -> s.at().equals(MONDAY_MORNING_PARIS));
            assertTrue(open.open());
            CentreStatus austin = awaitStatus(kafka, "austin", s -> s.at().equals(MONDAY_MORNING_PARIS));
            assertFalse(austin.open(), "03:00 in Austin");

            clock.set(SUNDAY_PARIS);
            status.refresh().await().atMost(Duration.ofSeconds(60));
            CentreStatus closed = awaitStatus(kafka, "montpellier", s -> s.at().equals(SUNDAY_PARIS));
            assertFalse(closed.open());
            // Closed on Sunday 13:00: the wait includes the time until Monday 08:00 (19 hours).
            assertTrue(closed.expectedWaitSeconds() >= Duration.ofHours(19).toSeconds(), closed.toString());
        }
    }

    @Test
    void agentsOnlineAndBacklogComeFromTheStreams() throws Exception {
        String agent = "agent-" + UUID.randomUUID();
        String thread = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.AGENT_PRESENCE), agent, json.writeValueAsString(new AgentPresence(
                    AgentPresence.VERSION, agent, "bratislava", "online", List.of("sk"), List.of("general"), 4, Instant.now())));
            Mention m = new Mention(Mention.VERSION, "x", thread, "x:@NordlysCare_DE", thread, null,
                    new Author("u1", "@jan", 10, false), "Môj notebook sa nespustí", "sk", Instant.now(), null, List.of(),
                    Instant.now());
            ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "sk", new Sentiment(Sentiment.NEGATIVE, -0.5),
                    "technical_support", "laptops", "consumer", 0.5, 0.1, false, false, List.of(), Instant.now());
            kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), m.conversationKey(), json.writeValueAsString(
                    new RoutingDecision(RoutingDecision.VERSION, m.conversationKey(), "queued", "bratislava", "general", 50,
                            true, List.of(), Instant.now().plusSeconds(3600), s, Instant.now())));
            clock.set(MONDAY_MORNING_PARIS);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                CentreStatus now = status.current("bratislava").await().atMost(Duration.ofSeconds(30));
                assertEquals(1, now.agentsOnline());
                assertEquals(1, now.backlog());
                assertTrue(now.open());
                // One waiting conversation, one agent, no first response yet: the default handling time (300 s).
                assertEquals(300, now.expectedWaitSeconds());
            });
            CentreStatus published = awaitStatus(kafka, "bratislava", x -> x.agentsOnline() == 1 && x.backlog() == 1);
            assertTrue(published.open());
        }
    }
}
