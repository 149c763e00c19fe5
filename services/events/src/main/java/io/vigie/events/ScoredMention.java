package io.vigie.events;

import java.time.Instant;
import java.util.List;

/**
 * A mention with what scoring found out about it, published on {@link Topics#MENTIONS_SCORED}.
 *
 * @param version          event schema version ({@link #VERSION})
 * @param mention          the mention as ingested
 * @param language         ISO 639-1 code, or {@code und} when unknown
 * @param sentiment        label and score
 * @param topic            intent/topic id (technical_support, purchase, configuration, billing_delivery,
 *                         security_incident, complaint, suggestion, praise, other)
 * @param productLine      the brand's product line it is about, if any
 * @param segment          consumer or business
 * @param urgency          0 (can wait) to 1 (now)
 * @param influence        0 (nobody) to 1 (very influential author)
 * @param spam             whether it looks like spam
 * @param expertCandidate  whether the author often answers others well
 * @param signals          what drove urgency (e.g. outage, legal, caps)
 * @param scoredAt         when scoring finished
 */
public record ScoredMention(
        int version,
        Mention mention,
        String language,
        Sentiment sentiment,
        String topic,
        String productLine,
        String segment,
        double urgency,
        double influence,
        boolean spam,
        boolean expertCandidate,
        List<String> signals,
        Instant scoredAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: never a null list. */
    public ScoredMention {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
