package io.vigie.scoring.domain.radar;

import java.time.Instant;
import java.util.List;

/**
 * What the radar needs of one scored mention.
 *
 * @param key        the mention's key {@code network:nativeId}
 * @param at         event time (when it was posted; never after it was accepted)
 * @param text       the text (a sample of an incident shows its start)
 * @param watchlists ids of the watchlists it matched
 * @param topic      its topic/intent, or null
 * @param centre     the centre owning its space or watchlist, or null
 * @param language   its language ({@code und} when unknown)
 * @param network    its network
 * @param terms      its distinct terms and hashtags ({@link Terms})
 */
public record Observation(String key, Instant at, String text, List<String> watchlists, String topic, String centre,
        String language, String network, List<String> terms) {

    /** Compact canonical constructor: never a null list. */
    public Observation {
        watchlists = watchlists == null ? List.of() : watchlists;
        terms = terms == null ? List.of() : terms;
    }
}
