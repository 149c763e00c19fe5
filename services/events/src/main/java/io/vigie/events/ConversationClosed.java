package io.vigie.events;

import java.time.Instant;

/**
 * A conversation closed in the workspace, with the customer's sentiment at its start and at its end, published
 * on {@link Topics#CONVERSATIONS_CLOSED} for the metrics.
 *
 * @param version            event schema version ({@link #VERSION})
 * @param conversationId     the conversation's id
 * @param centre             the centre that closed it
 * @param network            its network
 * @param space              the brand space it happened in, if known
 * @param language           the customer's language
 * @param topic              its topic, if known
 * @param closedBy           the user who closed it
 * @param openingSentiment   sentiment of the customer's first message
 * @param closingSentiment   sentiment of the customer's last message
 * @param sentimentDelta     closing score minus opening score, in [-2, 2]
 * @param restatedPublicly   whether the customer spoke again, publicly, after the first reply, with a
 *                           non-neutral sentiment
 * @param customerMessages   how many messages the customer wrote
 * @param replies            how many public replies were sent
 * @param openedAt           when the conversation's first message was posted
 * @param closedAt           when it was closed
 */
public record ConversationClosed(
        int version,
        String conversationId,
        String centre,
        String network,
        String space,
        String language,
        String topic,
        String closedBy,
        Sentiment openingSentiment,
        Sentiment closingSentiment,
        double sentimentDelta,
        boolean restatedPublicly,
        int customerMessages,
        int replies,
        Instant openedAt,
        Instant closedAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;
}
