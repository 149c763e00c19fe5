package io.vigie.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events survive a JSON round trip as the services' Jackson configuration does it, and keep their invariants. */
class EventsJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static Mention mention() {
        return new Mention(Mention.VERSION, "x", "42", "x:@Brand", null, null,
                new Author("u1", "@jane", 120, false), "Mon écran reste noir 😡", "fr",
                Instant.parse("2026-11-22T10:00:00Z"), null, List.of("brand"), Instant.parse("2026-11-22T10:00:01Z"));
    }

    @Test
    void rootMentionIsItsOwnThread() {
        Mention m = mention();
        assertEquals("42", m.threadId());
        assertEquals("x:42", m.conversationKey());
        assertEquals("x:42", m.key());
    }

    @Test
    void scoredMentionRoundTrips() throws Exception {
        ScoredMention scored = new ScoredMention(ScoredMention.VERSION, mention(), "fr",
                new Sentiment(Sentiment.NEGATIVE, -0.8), "technical_support", "laptops", "consumer", 0.7, 0.1,
                false, false, List.of("anger"), Instant.parse("2026-11-22T10:00:02Z"));
        String text = json.writeValueAsString(scored);
        assertTrue(text.contains("\"createdAt\":\"2026-11-22T10:00:00Z\""), text);
        assertEquals(scored, json.readValue(text, ScoredMention.class));
    }

    @Test
    void newerProducersMayAddFields() throws Exception {
        String text = json.writeValueAsString(mention()).replaceFirst("\\{", "{\"addedLater\":true,");
        assertEquals(mention(), json.readValue(text, Mention.class));
    }

    @Test
    void mentionWithoutIdIsRejected() {
        assertThrows(Exception.class, () -> json.readValue("{\"network\":\"x\",\"text\":\"hi\"}", Mention.class));
    }

    @Test
    void routingDecisionRoundTripsAndReadsItsFirstForm() throws Exception {
        RoutingDecision d = new RoutingDecision(RoutingDecision.VERSION, "x:42", "assigned", "austin", "gaming", 70, true,
                List.of("language fr: montpellier closed, handed off to austin"), Instant.parse("2026-11-22T11:00:00Z"),
                null, Instant.parse("2026-11-22T10:00:03Z"), "agent-austin", "montpellier",
                Instant.parse("2026-11-22T10:30:03Z"), 1);
        assertEquals(d, json.readValue(json.writeValueAsString(d), RoutingDecision.class));
        RoutingDecision first = json.readValue("{\"version\":1,\"conversationId\":\"x:1\",\"state\":\"queued\","
                + "\"centre\":\"austin\",\"queue\":\"general\",\"priority\":5,\"actionable\":true}", RoutingDecision.class);
        assertEquals(null, first.assignedAgent());
        assertEquals(0, first.escalationLevel());
        assertEquals("austin", new RoutingDecision(1, "x:1", "queued", "austin", "general", 5, true, null, null, null,
                null).homeCentre());
    }

    @Test
    void deadLetterTopicIsNamedAfterItsSource() {
        assertEquals("mentions.raw.dlq", Topics.deadLetter(Topics.MENTIONS_RAW));
    }

    @Test
    void conversationClosedRoundTrips() throws Exception {
        ConversationClosed closed = new ConversationClosed(ConversationClosed.VERSION, "x:42", "montpellier", "x",
                "x:@Brand", "fr", "technical_support", "agent-montpellier", new Sentiment(Sentiment.NEGATIVE, -0.8),
                new Sentiment(Sentiment.POSITIVE, 0.6), 1.4, true, 3, 2, Instant.parse("2026-11-22T10:00:00Z"),
                Instant.parse("2026-11-22T10:30:00Z"));
        assertEquals(closed, json.readValue(json.writeValueAsString(closed), ConversationClosed.class));
    }
}
