package io.vigie.workspace.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vigie.workspace.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/** The live feed behind the SSE stream: every change an agent's screen should show, filtered per viewer. */
@ApplicationScoped
public class LiveUpdates {

    private final BroadcastProcessor<LiveEvent> hub = BroadcastProcessor.create();

    /** Announces an event to every open stream that may see it. */
    public void publish(LiveEvent event) {
        hub.onNext(event);
    }

    /** The events {@code viewer} may see: their centre's, or for an expert only those of the granted spaces. */
    public Multi<LiveEvent> stream(Actor viewer, Set<String> expertSpaces) {
        boolean expertOnly = !viewer.roles().contains(Actor.AGENT) && !viewer.supervisor();
        // A slow screen loses events rather than holding the others back (it reloads on the next one).
        return hub.onOverflow().drop().filter(e -> viewer.centre().equals(e.centre())
                && (!expertOnly || (e.space() != null && expertSpaces.contains(e.space()))));
    }

    /**
     * One change: a new assignment, a new customer message, an SLA warning, a delivery receipt, a state change.
     *
     * @param type           assignment, message, sla_warning, receipt, state
     * @param conversationId the conversation concerned
     * @param centre         its centre
     * @param space          its space
     * @param detail         what changed (assignee, state, reply id and status...)
     * @param at             when
     */
    public record LiveEvent(String type, String conversationId, String centre, String space, String detail, Instant at) {

        /** An event stamped now. */
        public static LiveEvent of(String type, String conversationId, String centre, String space, String detail) {
            return new LiveEvent(type, conversationId, centre, space, detail, Instant.now());
        }
    }
}
