package io.vigie.events;

import java.time.Instant;
import java.util.List;

/**
 * Where a conversation goes and why, published on {@link Topics#CONVERSATIONS_ROUTED} each time a message
 * arrives in it or its routing changes.
 *
 * @param version         event schema version ({@link #VERSION})
 * @param conversationId  the conversation's id (its thread key)
 * @param state           the conversation's state after this decision
 * @param centre          the centre that handles it
 * @param queue           the queue within that centre
 * @param priority        0 (lowest) to 100 (highest)
 * @param actionable      whether it needs an answer
 * @param reasons         human-readable reasons for each choice
 * @param slaDueAt        when the next response is due, if any
 * @param message         the scored mention that triggered the decision
 * @param routedAt        when routing decided
 */
public record RoutingDecision(
        int version,
        String conversationId,
        String state,
        String centre,
        String queue,
        int priority,
        boolean actionable,
        List<String> reasons,
        Instant slaDueAt,
        ScoredMention message,
        Instant routedAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: never a null list. */
    public RoutingDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
