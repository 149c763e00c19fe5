package io.vigie.spikeeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.events.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How alerts are matched to injected bursts, and what counts as a false alarm. */
class ScorecardTest {

    private static final Instant T = Instant.parse("2026-11-17T10:00:00Z");

    private static Alert alert(String id, String status, String kind, String subject, Instant at, List<String> related,
            List<String> samples, int revision) {
        return new Alert(Alert.VERSION, id, status, kind, subject, null, "en", "x", at, 40, 8, "high", List.of(),
                samples, at, at, 30, 40, related, Alert.NEW, revision);
    }

    private static final Scorecard.BurstWindow WATCHLIST = new Scorecard.BurstWindow("b1", "watchlist", "w-1", T,
            T.plusSeconds(900), 5, 20, "step", "en");
    private static final Scorecard.BurstWindow TOPIC = new Scorecard.BurstWindow("b2", "topic", "purchase",
            T.plusSeconds(86_400), T.plusSeconds(86_400 + 3600), 2, 30, "ramp", "pt");

    @Test
    void aBurstIsDetectedByItsOwnAlertOrARelatedSubjectAndTheDelayIsInSimulatedTime() {
        List<Alert> alerts = List.of(
                alert("i1", "open", "watchlist", "w-1", T.plusSeconds(20), List.of(), List.of("x:1"), 1),
                alert("i1", "resolved", "watchlist", "w-1", T.plusSeconds(1500), List.of(), List.of("x:1"), 2),
                alert("i2", "open", "term", "#sale", T.plusSeconds(86_400 + 200), List.of("topic:purchase"),
                        List.of("x:9"), 1));
        Scorecard.Result r = Scorecard.score(List.of(WATCHLIST, TOPIC), alerts, Set.of("x:1", "x:9"), 7, 4);
        assertEquals(20L, r.detections().get(0).delaySeconds());
        assertEquals("its own alert", r.detections().get(0).via());
        assertEquals(200L, r.detections().get(1).delaySeconds());
        assertEquals("related to term #sale", r.detections().get(1).via());
        assertEquals(List.of(), r.falseAlarms());
        assertEquals(2, r.incidents());
    }

    @Test
    void anAlertBeforeTheBurstOrAboutAnotherSubjectDoesNotDetectItAndCountsAsAFalseAlarm() {
        List<Alert> alerts = List.of(
                alert("early", "open", "watchlist", "w-1", T.minusSeconds(3600), List.of(), List.of("x:5"), 1),
                alert("other", "open", "watchlist", "w-2", T.plusSeconds(40_000), List.of(), List.of("x:6"), 1));
        Scorecard.Result r = Scorecard.score(List.of(WATCHLIST), alerts, Set.of(), 7, 4);
        assertFalse(r.detections().get(0).detected());
        assertNull(r.detections().get(0).delaySeconds());
        assertEquals(2, r.falseAlarms().size());
        assertEquals(2 / 28.0, r.watchlistFalseAlarmsPerWatchlistDay(), 1e-9);
    }

    @Test
    void anotherSubjectSurgingWithTheBurstsOwnPostsIsNotAFalseAlarm() {
        List<Alert> alerts = List.of(
                alert("i1", "open", "watchlist", "w-1", T.plusSeconds(20), List.of(), List.of("x:1"), 1),
                alert("scope", "open", "scope", "austin|en|x", T.plusSeconds(60), List.of(), List.of("x:1", "x:2"), 1));
        Scorecard.Result r = Scorecard.score(List.of(WATCHLIST), alerts, Set.of("x:1", "x:2"), 7, 4);
        assertTrue(r.detections().get(0).detected());
        assertEquals(List.of(), r.falseAlarms());
    }

    @Test
    void aTopicBurstIsDetectedByTheTopicsSeriesInOneLanguageButNotByAnotherTopicWithTheSamePrefix() {
        List<Alert> alerts = List.of(
                alert("near", "open", "topic", "purchases|pt", T.plusSeconds(86_400 + 60), List.of(), List.of("x:7"), 1),
                alert("pt", "open", "topic", "purchase|pt", T.plusSeconds(86_400 + 120), List.of(), List.of("x:8"), 1));
        Scorecard.Result r = Scorecard.score(List.of(TOPIC), alerts, Set.of(), 7, 4);
        assertEquals(120L, r.detections().get(0).delaySeconds());
        assertEquals("its own alert in pt", r.detections().get(0).via());
        assertEquals(List.of("near"), r.falseAlarms().stream().map(Scorecard.FalseAlarm::incidentId).toList());
    }
}
