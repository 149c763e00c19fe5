package io.vigie.routing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.RoutingDecision;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.WorldTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Actionable or not, and skill queues, as routed through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class TriageTest extends WorldTest {

    @Inject
    IncidentWatch incidents;

    private RoutingDecision route(String lang, String text, String topic, String sentiment, String productLine,
            double urgency) throws Exception {
        String id = UUID.randomUUID().toString();
        scenario.send(RoutingScenario.scored(id, id, lang, "facebook:nordlys.fr", text, topic, sentiment, productLine,
                urgency));
        return json.readValue(scenario.kafka().await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals("facebook:" + id), Duration.ofSeconds(60)).value(), RoutingDecision.class);
    }

    @Test
    void gamingQuestionLandsInTheGamingSkillQueue() throws Exception {
        RoutingDecision d = route("fr", "Ma manette ne se connecte plus au PC portable, une idée ?", "technical_support",
                "neutral", "gaming", 0.4);
        assertEquals("montpellier", d.centre());
        assertEquals("gaming", d.queue());
        assertEquals("queued", d.state());
        assertTrue(d.actionable());
        assertTrue(d.reasons().contains("actionable: question"), d.reasons().toString());
        assertTrue(d.reasons().contains("skill queue gaming (asked [gaming, consumer, technical_support])"),
                d.reasons().toString());
    }

    @Test
    void crisisOutranksTheProductLine() throws Exception {
        RoutingDecision d = route("fr", "Tous les PC plantent depuis la mise à jour de l'antivirus !!!", "technical_support",
                "negative", "gaming", 0.95);
        assertEquals("crisis", d.queue());
        assertEquals(95, d.priority());
    }

    @Test
    void praiseOnlyIsNotActionableButIsKept() throws Exception {
        RoutingDecision d = route("fr", "Super service, merci à toute l'équipe", "praise", "positive", null, 0.1);
        assertFalse(d.actionable());
        assertEquals("new", d.state());
        assertEquals("montpellier", d.centre(), "still counted for its centre");
        assertTrue(d.reasons().contains("not actionable: praise only"), d.reasons().toString());
        assertTrue(d.reasons().contains("kept out of the queues; a supervisor can pull it in"), d.reasons().toString());
        // Non-actionable conversations still count in the metrics.
        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                "vigie_routing_conversations_total{actionable=\"false\",centre=\"montpellier\"}"));
    }

    @Test
    void spamIsNotActionable() throws Exception {
        String id = UUID.randomUUID().toString();
        var s = RoutingScenario.scored(id, id, "fr", "facebook:nordlys.fr", "Gagnez un iPhone ici ?", "other",
                "neutral", null, 0.1);
        s = new io.vigie.events.ScoredMention(s.version(), s.mention(), s.language(), s.sentiment(), s.topic(),
                s.productLine(), s.segment(), s.urgency(), s.influence(), true, false, s.signals(), s.scoredAt());
        scenario.send(s);
        RoutingDecision d = json.readValue(scenario.kafka().await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals("facebook:" + id), Duration.ofSeconds(60)).value(), RoutingDecision.class);
        assertFalse(d.actionable());
        assertTrue(d.reasons().contains("not actionable: spam"), d.reasons().toString());
    }

    private static io.vigie.events.Alert alert(String id, String status, String watchlist, int revision) {
        return new io.vigie.events.Alert(io.vigie.events.Alert.VERSION, id, status, "watchlist", watchlist, "montpellier",
                "fr", "x", java.time.Instant.now(), 40, 4, "high", java.util.List.of("ecran"), java.util.List.of(),
                java.time.Instant.now(), java.time.Instant.now(), 30, 40, java.util.List.of("term:#shieldprofail",
                        "topic:technical_support"), io.vigie.events.Alert.NEW, revision);
    }

    @Test
    void messagesOfAnActiveIncidentGoToTheCrisisQueueUntilItEnds() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String watchlist = "partner-antivirus-" + run;
        String id = "inc-" + run;
        scenario.sendRaw(Topics.ALERTS, id, json.writeValueAsString(alert(id, "open", watchlist, 1)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> incidents.size() > 0);

        String byWatchlist = UUID.randomUUID().toString();
        var s = RoutingScenario.scored(byWatchlist, byWatchlist, "fr", "facebook:nordlys.fr", "Mon PC ne démarre plus",
                "technical_support", "negative", null, 0.3);
        scenario.send(new io.vigie.events.ScoredMention(s.version(), new io.vigie.events.Mention(s.mention().version(),
                s.mention().network(), s.mention().nativeId(), s.mention().space(), s.mention().threadId(), null,
                s.mention().author(), s.mention().text(), "fr", s.mention().createdAt(), null,
                java.util.List.of(watchlist), s.mention().acceptedAt()), s.language(), s.sentiment(), s.topic(),
                s.productLine(), s.segment(), s.urgency(), s.influence(), s.spam(), s.expertCandidate(), s.signals(),
                s.scoredAt()));
        RoutingDecision d = json.readValue(scenario.kafka().await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals("facebook:" + byWatchlist), Duration.ofSeconds(60)).value(), RoutingDecision.class);
        assertEquals("crisis", d.queue());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("incident " + id + " (watchlist " + watchlist)
                && r.endsWith("watchlist " + watchlist + " → crisis skill")), d.reasons().toString());

        RoutingDecision byHashtag = route("fr", "Encore un écran bleu #ShieldProFail", "technical_support", "negative",
                null, 0.3);
        assertEquals("crisis", byHashtag.queue(), byHashtag.reasons().toString());
        assertTrue(byHashtag.reasons().stream().anyMatch(r -> r.contains("term #shieldprofail")));

        scenario.sendRaw(Topics.ALERTS, id, json.writeValueAsString(alert(id, "resolved", watchlist, 2)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> incidents.size() == 0);
        RoutingDecision after = route("fr", "Encore un écran bleu #ShieldProFail", "technical_support", "negative",
                null, 0.3);
        assertEquals("general", after.queue(), after.reasons().toString());
        assertTrue(after.reasons().stream().noneMatch(r -> r.startsWith("incident ")), after.reasons().toString());
    }
}
