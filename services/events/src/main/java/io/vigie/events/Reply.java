package io.vigie.events;

import java.time.Instant;

/**
 * A public reply written in the workspace, published on {@link Topics#REPLIES_OUTBOUND} for ingestion to post.
 *
 * @param version         event schema version ({@link #VERSION})
 * @param replyId         unique id; also the idempotency key of the post on the network
 * @param conversationId  the conversation answered
 * @param network         the network to post on
 * @param space           the brand space (account) to post from
 * @param inReplyTo       the native id of the post answered
 * @param text            the reply's text
 * @param language        the reply's language
 * @param agentId         who wrote it
 * @param centre          the agent's centre
 * @param createdAt       when it was sent from the workspace
 */
public record Reply(
        int version,
        String replyId,
        String conversationId,
        String network,
        String space,
        String inReplyTo,
        String text,
        String language,
        String agentId,
        String centre,
        Instant createdAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;
}
