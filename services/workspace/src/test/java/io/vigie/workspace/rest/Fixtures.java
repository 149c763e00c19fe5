package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Conversations put into the workspace the way routing does: RoutingDecision records on the real broker. */
final class Fixtures {

    static final Duration WAIT = Duration.ofSeconds(60);

    private Fixtures() {
    }

    /** A customer's post routed to {@code centre}, in a thread, with a sentiment. */
    static RoutingDecision decision(String nativeId, String thread, String centre, String space, String lang, String text,
            String label, double score, Instant at) {
        Mention m = new Mention(Mention.VERSION, "x", nativeId, space, thread, nativeId.equals(thread) ? null : thread,
                new Author("u-" + thread, "@claire", 230, false), text, lang, at, null, List.of(), Instant.now());
        ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, lang, new Sentiment(label, score),
                "technical_support", "Nordlys X1", "consumer", 0.4, 0.0, false, false, List.of(), Instant.now());
        return new RoutingDecision(RoutingDecision.VERSION, m.conversationKey(), "queued", centre, "general", 40, true,
                List.of("language " + lang + " is covered by " + centre), null, s, Instant.now());
    }

    static void publish(ObjectMapper json, RoutingDecision d) {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.CONVERSATIONS_ROUTED), d.conversationId(), json.writeValueAsString(d));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a one-message conversation and waits until {@code viewer} sees it; returns its id. */
    static String conversation(ObjectMapper json, String centre, String space, String lang, String text, String viewer) {
        String thread = UUID.randomUUID().toString();
        publish(json, decision(thread, thread, centre, space, lang, text, Sentiment.NEGATIVE, -0.6,
                Instant.parse("2026-11-22T10:00:00Z")));
        String id = "x:" + thread;
        awaitVisible(id, viewer, 1);
        return id;
    }

    /** Waits until {@code viewer} sees the conversation with {@code messages} messages. */
    static void awaitVisible(String id, String viewer, int messages) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.forUser(viewer))
                .get("/api/conversations/" + id).then().statusCode(200)
                .body("messages.size()", org.hamcrest.Matchers.equalTo(messages)));
    }
}
