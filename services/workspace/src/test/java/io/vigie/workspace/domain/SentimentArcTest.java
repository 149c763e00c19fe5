package io.vigie.workspace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentiment at start and end of a conversation, from its messages alone. */
class SentimentArcTest {

    private static MessageView customer(String key, int minute, String label, double score) {
        MessageView m = new MessageView();
        m.mentionKey = key;
        m.direction = MessageView.INBOUND;
        m.sentiment = label;
        m.sentimentScore = score;
        m.createdAt = Instant.parse("2026-11-22T10:00:00Z").plusSeconds(60L * minute);
        return m;
    }

    private static MessageView reply(int minute, String status) {
        MessageView m = new MessageView();
        m.mentionKey = "reply:" + minute;
        m.direction = MessageView.OUTBOUND;
        m.deliveryStatus = status;
        m.createdAt = Instant.parse("2026-11-22T10:00:00Z").plusSeconds(60L * minute);
        return m;
    }

    @Test
    void happierCustomerAfterTheReplyRestatesPublicly() {
        SentimentArc arc = SentimentArc.of(List.of(customer("x:1", 0, "negative", -0.6), reply(5, "delivered"),
                customer("x:2", 9, "positive", 0.7)));
        assertEquals("negative", arc.openingLabel());
        assertEquals("positive", arc.closingLabel());
        assertEquals(1.3, arc.delta(), 1e-9);
        assertTrue(arc.restatedPublicly());
        assertEquals(2, arc.customerMessages());
        assertEquals(1, arc.replies());
    }

    @Test
    void messagesBeforeTheFirstReplyOrNeutralOnesAreNoRestatement() {
        assertFalse(SentimentArc.of(List.of(customer("x:1", 0, "negative", -0.6), customer("x:2", 1, "positive", 0.5),
                reply(5, "delivered"))).restatedPublicly());
        assertFalse(SentimentArc.of(List.of(customer("x:1", 0, "negative", -0.6), reply(5, "delivered"),
                customer("x:2", 9, "neutral", 0.0))).restatedPublicly());
        assertFalse(SentimentArc.of(List.of(customer("x:1", 0, "negative", -0.6), reply(5, "failed"),
                customer("x:2", 9, "positive", 0.6))).restatedPublicly(), "a failed reply never reached the customer");
    }

    @Test
    void hiddenSpamDoesNotCountAndNoSentimentMeansNoArc() {
        MessageView spam = customer("x:3", 12, "positive", 0.9);
        spam.hidden = true;
        SentimentArc arc = SentimentArc.of(List.of(customer("x:1", 0, "negative", -0.5), reply(5, "delivered"), spam));
        assertEquals("negative", arc.closingLabel());
        assertEquals(0.0, arc.delta(), 1e-9);
        assertNull(SentimentArc.of(List.of(reply(1, "delivered"))));
    }
}
