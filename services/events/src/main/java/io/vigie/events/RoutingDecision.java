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
 * @param message         the scored mention that triggered the decision (null when the clock, presence or a
 *                        supervisor triggered it)
 * @param routedAt        when routing decided
 * @param assignedAgent   the agent holding the conversation, when {@code state} is {@code assigned} (added later)
 * @param homeCentre      the centre chosen by language before any overflow (added later)
 * @param leaseExpiresAt  when a hand-off to {@code centre} (≠ {@code homeCentre}) lapses unless renewed; null
 *                        when the conversation is not handed off (added later)
 * @param escalationLevel 0, or how many times its SLA was breached and escalated (added later)
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
        Instant routedAt,
        String assignedAgent,
        String homeCentre,
        Instant leaseExpiresAt,
        int escalationLevel) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: never a null list. */
    public RoutingDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The first form of the event, without assignment, hand-off or escalation. */
    public RoutingDecision(int version, String conversationId, String state, String centre, String queue, int priority,
            boolean actionable, List<String> reasons, Instant slaDueAt, ScoredMention message, Instant routedAt) {
        this(version, conversationId, state, centre, queue, priority, actionable, reasons, slaDueAt, message, routedAt,
                null, centre, null, 0);
    }
}
