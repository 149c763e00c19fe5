package io.vigie.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One post from a social network, normalised by ingestion and published on {@link Topics#MENTIONS_RAW}.
 *
 * @param version     event schema version ({@link #VERSION})
 * @param network     network id: x, facebook, instagram, linkedin, community, rss
 * @param nativeId    the post's id on its network; (network, nativeId) is unique
 * @param space       the brand space it was posted in or to, if known
 * @param threadId    id of the thread's root post (the post's own id for a root)
 * @param inReplyTo   id of the post it answers, if any
 * @param author      who wrote it
 * @param text        the post's text
 * @param langHint    the language the network or the source announced, if any
 * @param createdAt   when it was posted
 * @param url         a link to the post, if any
 * @param watchlists  ids of the watchlists it matched at ingestion
 * @param acceptedAt  when ingestion accepted it (start of the end-to-end latency clock)
 */
public record Mention(
        int version,
        String network,
        String nativeId,
        String space,
        String threadId,
        String inReplyTo,
        Author author,
        String text,
        String langHint,
        Instant createdAt,
        String url,
        List<String> watchlists,
        Instant acceptedAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: fills the defaults every consumer relies on. */
    public Mention {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nativeId, "nativeId");
        threadId = threadId == null || threadId.isBlank() ? nativeId : threadId;
        watchlists = watchlists == null ? List.of() : List.copyOf(watchlists);
    }

    /** Unique key of the post: {@code network:nativeId}. */
    public String key() {
        return network + ":" + nativeId;
    }

    /** Kafka key: all posts of one thread share it, so they land on one partition in order. */
    public String conversationKey() {
        return network + ":" + threadId;
    }
}
