package io.vigie.routing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.events.Alert;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which active incident of the radar a message belongs to: by watchlist, or by a term or hashtag of its text. */
class IncidentWatchTest {

    @Test
    void aMessageJoinsTheMostSevereIncidentOfItsWatchlistsOrWords() {
        IncidentWatch watch = new IncidentWatch();
        watch.apply(alert("inc-1", "open", "watchlist", "antivirus", "medium", 1, List.of("term:écran")));
        watch.apply(alert("inc-2", "open", "term", "#ShieldProFail", "high", 1, List.of()));
        // a watchlist of the mention
        assertEquals("inc-1", watch.match(message("Bonjour", List.of("antivirus"))).orElseThrow().incidentId());
        // a related term, found folded (accents, case) among the message's words
        assertEquals("inc-1", watch.match(message("Mon ECRAN reste noir", List.of())).orElseThrow().incidentId());
        // a hashtag subject; with both incidents matched, the more severe one wins
        Optional<IncidentWatch.Match> both = watch.match(message("Écran bleu #shieldprofail", List.of("antivirus")));
        assertEquals("inc-2", both.orElseThrow().incidentId());
        assertTrue(both.get().reason().endsWith("term #shieldprofail → crisis skill"), both.get().reason());
        // a word that only contains a term is not the term
        assertTrue(watch.match(message("ecrans partout, shieldprofail sans dièse", List.of())).isEmpty());
        assertEquals(2, watch.size());
    }

    @Test
    void anIncidentThatEndsOrIsSupersededStopsMatching() {
        IncidentWatch watch = new IncidentWatch();
        watch.apply(alert("inc-1", "open", "term", "panne", "high", 2, List.of()));
        // an older revision arriving late changes nothing
        watch.apply(alert("inc-1", "resolved", "term", "panne", "high", 1, List.of()));
        assertTrue(watch.match(message("encore une panne", List.of())).isPresent());
        watch.apply(alert("inc-1", "resolved", "term", "panne", "high", 3, List.of()));
        assertTrue(watch.match(message("encore une panne", List.of())).isEmpty());
        assertEquals(0, watch.size());
        // a topic or a scope alone is too broad to follow
        watch.apply(alert("inc-2", "open", "topic", "technical_support", "high", 1, List.of("scope:montpellier")));
        assertEquals(0, watch.size());
    }

    @Test
    void foldingKeepsLettersAndDropsAccents() {
        assertEquals("ecran", IncidentWatch.fold("Écran"));
        assertEquals("plain ascii", IncidentWatch.fold("Plain ASCII"));
        assertEquals(List.of("ecran", "#shieldprofail", "noir"),
                List.copyOf(IncidentWatch.words("Écran... #ShieldProFail, noir! écran")));
    }

    private static Alert alert(String id, String status, String kind, String subject, String severity, int revision,
            List<String> related) {
        Instant now = Instant.now();
        return new Alert(Alert.VERSION, id, status, kind, subject, "montpellier", "fr", "x", now, 40, 4, severity,
                List.of(), List.of(), now, now, 30, 40, related, Alert.NEW, revision);
    }

    private static ScoredMention message(String text, List<String> watchlists) {
        Mention m = new Mention(Mention.VERSION, "x", "m-1", "x:@nordlys", "m-1", null,
                new Author("u-1", "@claire", 10, false), text, "fr", Instant.now(), null, watchlists, Instant.now());
        return new ScoredMention(ScoredMention.VERSION, m, "fr", new Sentiment("negative", -0.5), "technical_support",
                null, "consumer", 0.3, 0.1, false, false, List.of(), Instant.now());
    }
}
