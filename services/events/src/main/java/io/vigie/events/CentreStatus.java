package io.vigie.events;

import java.time.Instant;

/**
 * A centre's live status, published by the centres service on {@link Topics#CENTRES_STATUS}.
 *
 * @param version        event schema version ({@link #VERSION})
 * @param centre         the centre's id
 * @param open           whether it is within business hours
 * @param agentsOnline   agents online now
 * @param backlog        conversations waiting
 * @param expectedWaitSeconds expected wait of a new conversation
 * @param at             when this status was computed
 */
public record CentreStatus(
        int version,
        String centre,
        boolean open,
        int agentsOnline,
        int backlog,
        long expectedWaitSeconds,
        Instant at) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;
}
