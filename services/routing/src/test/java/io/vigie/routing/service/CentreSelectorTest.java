package io.vigie.routing.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.CentreConfig;
import io.vigie.events.RoutingDecision;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.WorldTest;
import io.vigie.routing.domain.Conversation;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Centre choice by language, follow-the-sun overflow under a lease, and data residency, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CentreSelectorTest extends WorldTest {

    /** Tuesday 03:00 in Montpellier (UTC+1): Montpellier and Bratislava closed, Austin (20:00 Monday) open. */
    static final Instant NIGHT_IN_EUROPE = Instant.parse("2026-11-24T02:00:00Z");

    private RoutingDecision firstDecision(String conversation) throws Exception {
        return json.readValue(scenario.kafka().await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals(conversation), Duration.ofSeconds(60)).value(), RoutingDecision.class);
    }

    @Test
    void frenchComplaintAtThreeInTheMorningOverflowsToAnOpenCentreThatCoversFrenchThenGoesHome() throws Exception {
        clock.set(NIGHT_IN_EUROPE);
        String id = scenario.complaint("fr", "facebook:nordlys.fr");
        RoutingDecision d = firstDecision(id);
        assertEquals("queued", d.state());
        assertEquals("austin", d.centre());
        assertEquals("montpellier", d.homeCentre());
        assertEquals(NIGHT_IN_EUROPE.plus(Duration.ofMinutes(30)), d.leaseExpiresAt());
        String why = String.join("; ", d.reasons());
        assertTrue(why.contains("montpellier is closed (03:00 TUESDAY Europe/Paris"), why);
        assertTrue(why.contains("bratislava is closed"), why);
        assertTrue(why.contains("follow-the-sun: handed off to austin (open at 20:00 MONDAY America/Chicago, covers fr as secondary)"), why);

        // Montpellier opens at 08:00; the lease lapses unworked, so the conversation goes home.
        clock.set(Instant.parse("2026-11-24T07:30:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "montpellier".equals(RoutingScenario.conversation(id).centre));
        Conversation home = RoutingScenario.conversation(id);
        assertNull(home.leaseExpiresAt);
        assertEquals("queued", home.state);
    }

    /**
     * The clock re-examines the conversations no centre could take in rounds (ADR 0139): more than a tick's batch of
     * them, older than the others, neither hold back a lapsed hand-off lease nor newer conversations that a centre
     * configured later covers. It took the oldest 200 each tick, so both waited forever behind them.
     */
    @Test
    void conversationsNoCentreCanTakeDoNotHoldBackTheOthers() throws Exception {
        clock.set(NIGHT_IN_EUROPE);
        // Seoul owns the Korean page (APAC only) but covers no Korean yet.
        String koreanPage = "facebook:nordlys.kr";
        scenario.publishCentres(directory, List.of(seoul(List.of("th"))));
        try {
            // More than a batch (200) of conversations no centre may take, first: Portuguese on the EU-only page,
            // which only Sao Paulo (BR) covers.
            List<String> uncovered = new ArrayList<>();
            for (int i = 0; i < 230; i++) {
                uncovered.add(scenario.complaint("pt", RoutingScenario.EU_SPACE));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(uncovered.get(229)) != null);
            assertNull(RoutingScenario.conversation(uncovered.get(229)).centre);
            // Then one handed off to Austin for the night, and five on the Korean page.
            String id = scenario.complaint("fr", "facebook:nordlys.fr");
            assertEquals("austin", firstDecision(id).centre());
            List<String> korean = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                korean.add(scenario.complaint("ko", koreanPage));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(korean.get(4)) != null);
            assertNull(RoutingScenario.conversation(korean.get(0)).centre);

            // Seoul now covers Korean; Montpellier opens at 08:00, so the lapsed lease brings the French one home.
            scenario.publishCentres(directory, List.of(seoul(List.of("th", "ko"))));
            clock.set(Instant.parse("2026-11-24T07:30:00Z"));
            await().atMost(Duration.ofSeconds(60)).until(() -> "montpellier".equals(RoutingScenario.conversation(id).centre)
                    && korean.stream().allMatch(k -> "seoul".equals(RoutingScenario.conversation(k).centre)));
            assertNull(RoutingScenario.conversation(uncovered.get(0)).centre);
            assertEquals("new", RoutingScenario.conversation(uncovered.get(0)).state);
        } finally {
            scenario.sendRaw(Topics.CENTRES_CONFIG, "seoul", json.writeValueAsString(new CentreConfig(CentreConfig.VERSION,
                    "seoul", "seoul", "Asia/Seoul", List.of("th"), List.of(), "APAC", Map.of(), List.of(), List.of(), 0, 0,
                    null, List.of(koreanPage), List.of(), true, Instant.now())));
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.centre("seoul").isEmpty());
        }
    }

    private static CentreConfig seoul(List<String> languages) {
        return RoutingScenario.centre("seoul", "Asia/Seoul", languages, List.of(), "APAC", RoutingScenario.ALWAYS, List.of(),
                null, List.of("facebook:nordlys.kr"));
    }

    @Test
    void euOnlySpaceIsNeverHandedToAustin() throws Exception {
        clock.set(NIGHT_IN_EUROPE);
        String id = scenario.complaint("fr", RoutingScenario.EU_SPACE);
        RoutingDecision d = firstDecision(id);
        assertEquals("montpellier", d.centre());
        assertNull(d.leaseExpiresAt());
        String why = String.join("; ", d.reasons());
        assertTrue(why.contains("space " + RoutingScenario.EU_SPACE + " is EU-only (owned by montpellier)"), why);
        assertTrue(why.contains("no available centre covers fr: waits in montpellier's queue"), why);
        // Later ticks at night re-examine it and still never move it outside the EU.
        clock.set(NIGHT_IN_EUROPE.plus(Duration.ofHours(1)));
        String other = scenario.complaint("fr", "facebook:nordlys.fr");
        await().atMost(Duration.ofSeconds(60)).until(() -> RoutingScenario.conversation(other) != null
                && "austin".equals(RoutingScenario.conversation(other).centre));
        assertEquals("montpellier", RoutingScenario.conversation(id).centre);
    }

    @Test
    void saturatedCentreOverflowsByItsPublishedStatus() throws Exception {
        scenario.sendRaw(Topics.CENTRES_STATUS, "sao-paulo", "{\"version\":1,\"centre\":\"sao-paulo\",\"open\":true,"
                + "\"agentsOnline\":2,\"backlog\":400,\"expectedWaitSeconds\":7200,\"at\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.status("sao-paulo").isPresent());
        String id = scenario.complaint("es", "facebook:nordlys.es");
        RoutingDecision d = firstDecision(id);
        assertEquals("sao-paulo", d.homeCentre());
        String why = String.join("; ", d.reasons());
        assertTrue(why.contains("sao-paulo is saturated (expected wait 7200 s > threshold 1800 s)"), why);
        assertEquals("austin", d.centre(), why);
    }

    @Test
    void aRetiredCentreIsNoLongerChosen() throws Exception {
        CentreConfig tallinn = RoutingScenario.centre("tallinn", "Europe/Tallinn", List.of("et"), List.of(), "EU",
                RoutingScenario.ALWAYS, List.of(), null, List.of());
        scenario.publishCentres(directory, List.of(tallinn));
        assertEquals("tallinn", firstDecision(scenario.complaint("et", "facebook:nordlys.ee")).centre());

        scenario.sendRaw(Topics.CENTRES_CONFIG, "tallinn", json.writeValueAsString(new CentreConfig(CentreConfig.VERSION,
                "tallinn", "Tallinn", "Europe/Tallinn", List.of("et"), List.of(), "EU", Map.of(), List.of(), List.of(), 0, 0,
                null, List.of(), List.of(), true, Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.centre("tallinn").isEmpty());
        RoutingDecision d = firstDecision(scenario.complaint("et", "facebook:nordlys.ee"));
        assertEquals("austin", d.centre());
        assertTrue(d.reasons().contains("language et is covered by no centre; falling back to en"), d.reasons().toString());
    }
}
