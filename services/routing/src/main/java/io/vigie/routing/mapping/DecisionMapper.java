package io.vigie.routing.mapping;

import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.routing.domain.Conversation;
import java.time.Instant;
import java.util.List;

/** Maps a conversation and the reasons of a change to the {@link RoutingDecision} event. */
public final class DecisionMapper {

    private DecisionMapper() {
    }

    /** The decision describing {@code c} as it is now. */
    public static RoutingDecision toEvent(Conversation c, List<String> reasons, ScoredMention message, Instant now) {
        return new RoutingDecision(RoutingDecision.VERSION, c.id, c.state, c.centre, c.queue, c.priority, c.actionable,
                reasons, c.slaDueAt, message, now, c.assignedAgent, c.homeCentre, c.leaseExpiresAt, c.escalationLevel);
    }
}
