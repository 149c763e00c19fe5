package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.AgentPresence;
import io.vigie.workspace.domain.PresenceState;
import io.vigie.workspace.messaging.OutboundEvents;
import io.vigie.workspace.repository.PresenceStateRepository;
import io.vigie.workspace.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Agents' presence: stored, audited and published on agents.presence for routing. */
@ApplicationScoped
public class PresenceService {

    /** The statuses an agent can declare. */
    public static final Set<String> STATUSES = Set.of("online", "away", "offline");

    private final PresenceStateRepository presence;
    private final AuditService audit;
    private final OutboundEvents events;

    public PresenceService(PresenceStateRepository presence, AuditService audit, OutboundEvents events) {
        this.presence = presence;
        this.audit = audit;
        this.events = events;
    }

    /** Sets the caller's presence and publishes it; the call answers once the broker has it. */
    public Uni<AgentPresence> set(Actor actor, String status, List<String> languages, List<String> skills, int capacity) {
        return store(actor, status, languages, skills, capacity).call(events::presence);
    }

    @WithTransaction
    Uni<AgentPresence> store(Actor actor, String status, List<String> languages, List<String> skills, int capacity) {
        Instant now = Instant.now();
        return presence.findById(actor.name()).chain(existing -> {
            PresenceState p = existing != null ? existing : new PresenceState();
            p.agentId = actor.name();
            p.centre = actor.centre();
            p.status = status;
            p.languages = String.join(",", languages);
            p.skills = String.join(",", skills);
            p.capacity = capacity;
            p.at = now;
            Uni<PresenceState> saved = existing == null ? presence.persist(p) : Uni.createFrom().item(p);
            return saved.call(() -> audit.record(actor, "presence", null, status)).map(PresenceService::event);
        });
    }

    /** The presence of every agent of a centre. */
    @WithSession
    public Uni<List<AgentPresence>> ofCentre(String centre) {
        return presence.list("centre = ?1 order by agentId", centre)
                .map(l -> l.stream().map(PresenceService::event).toList());
    }

    private static AgentPresence event(PresenceState p) {
        return new AgentPresence(AgentPresence.VERSION, p.agentId, p.centre, p.status, split(p.languages),
                split(p.skills), p.capacity, p.at);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).toList();
    }
}
