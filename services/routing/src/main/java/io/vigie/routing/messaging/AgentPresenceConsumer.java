package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.apisupport.Unavailable;
import io.vigie.events.AgentPresence;
import io.vigie.routing.service.PresenceService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads agents.presence (group routing, keyed by agent, so one instance applies one agent's changes in order). */
@ApplicationScoped
public class AgentPresenceConsumer {

    /** Channel of the agents.presence topic. */
    public static final String IN = "agents-presence";

    private final RoutingFlow flow;
    private final ObjectMapper json;

    public AgentPresenceConsumer(RoutingFlow flow, ObjectMapper json) {
        this.flow = flow;
        this.json = json;
    }

    @Incoming(IN)
    public Uni<Void> onPresence(String payload) {
        return Uni.createFrom().item(() -> parse(json, payload))
                .chain(p -> Unavailable.retried(() -> flow.onPresence(p), "an agents.presence record"));
    }

    /** Parses and checks an agents.presence record. */
    public static AgentPresence parse(ObjectMapper json, String payload) {
        AgentPresence p;
        try {
            p = json.readValue(payload, AgentPresence.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an AgentPresence event: " + e.getMessage(), e);
        }
        if (p == null || p.agentId() == null || p.agentId().isBlank() || p.centre() == null || p.centre().isBlank()) {
            throw new IllegalArgumentException("not an AgentPresence event: agentId and centre are required");
        }
        if (!PresenceService.STATUSES.contains(p.status())) {
            throw new IllegalArgumentException("AgentPresence status must be one of " + PresenceService.STATUSES
                    + ", not " + p.status());
        }
        if (p.capacity() < 0) {
            throw new IllegalArgumentException("AgentPresence capacity must not be negative: " + p.capacity());
        }
        if (p.version() > AgentPresence.VERSION) {
            throw new IllegalArgumentException("AgentPresence version " + p.version() + " is newer than "
                    + AgentPresence.VERSION + ", the one routing knows");
        }
        return p;
    }
}
