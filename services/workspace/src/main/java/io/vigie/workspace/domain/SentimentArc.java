package io.vigie.workspace.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The customer's sentiment at the start and at the end of a conversation, and whether they restated it publicly
 * after the brand's first reply. A pure function of the conversation's messages.
 *
 * @param openingLabel     label of the first customer message
 * @param openingScore     its score in [-1, 1]
 * @param closingLabel     label of the last customer message
 * @param closingScore     its score
 * @param delta            closing minus opening score
 * @param restatedPublicly whether the last customer message came after the first reply and is not neutral
 * @param customerMessages how many messages the customer wrote
 * @param replies          how many replies the brand sent or has on their way
 */
public record SentimentArc(String openingLabel, double openingScore, String closingLabel, double closingScore,
        double delta, boolean restatedPublicly, int customerMessages, int replies) {

    /** The arc of a conversation; null when the customer wrote nothing that carries a sentiment. */
    public static SentimentArc of(List<MessageView> messages) {
        List<MessageView> customer = messages.stream()
                .filter(m -> MessageView.INBOUND.equals(m.direction) && !m.hidden && m.sentiment != null)
                .sorted(Comparator.comparing((MessageView m) -> m.createdAt).thenComparing(m -> m.mentionKey))
                .toList();
        if (customer.isEmpty()) {
            return null;
        }
        List<MessageView> replies = messages.stream()
                .filter(m -> MessageView.OUTBOUND.equals(m.direction) && !"rejected".equals(m.deliveryStatus)
                        && !"review".equals(m.deliveryStatus) && !"failed".equals(m.deliveryStatus))
                .toList();
        Instant firstReply = replies.stream().map(m -> m.createdAt).min(Comparator.naturalOrder()).orElse(null);
        MessageView first = customer.get(0);
        MessageView last = customer.get(customer.size() - 1);
        double open = first.sentimentScore == null ? 0 : first.sentimentScore;
        double close = last.sentimentScore == null ? 0 : last.sentimentScore;
        boolean restated = firstReply != null && last != first && last.createdAt.isAfter(firstReply)
                && !"neutral".equals(last.sentiment);
        return new SentimentArc(first.sentiment, open, last.sentiment, close, Math.round((close - open) * 1000) / 1000.0,
                restated, customer.size(), replies.size());
    }
}
