package io.vigie.routing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.AgentPresence;
import io.vigie.routing.domain.Agent;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.domain.ConversationState;
import io.vigie.routing.repository.AgentRepository;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Applies agents' presence: who takes work, with which skills and capacity; an agent going offline releases their conversations. */
@ApplicationScoped
public class PresenceService {

    /** The statuses an {@link AgentPresence} may carry. */
    public static final Set<String> STATUSES = Set.of(Agent.ONLINE, Agent.AWAY, Agent.OFFLINE);

    private final AgentRepository agents;
    private final ConversationRepository conversations;
    private final DecisionLog log;
    private final Clock clock;

    public PresenceService(AgentRepository agents, ConversationRepository conversations, DecisionLog log, Clock clock) {
        this.agents = agents;
        this.conversations = conversations;
        this.log = log;
        this.clock = clock;
    }

    /** The centres to dispatch after a presence change, and the decisions to publish. */
    public record Applied(List<String> centres, List<StoredDecision> decisions) {
    }

    /** Applies one presence record (an older record than the one applied is ignored). */
    @WithTransaction
    public Uni<Applied> apply(AgentPresence p) {
        Instant now = clock.instant();
        Instant at = p.at() == null ? now : p.at();
        return agents.lockOrCreate(p.agentId(), p.centre(), at).chain(agent -> {
            if (agent.statusAt != null && at.isBefore(agent.statusAt)) {
                return Uni.createFrom().item(new Applied(List.of(), List.of()));
            }
            String was = agent.status;
            String oldCentre = agent.centre;
            agent.status = p.status();
            agent.centre = p.centre();
            agent.languages = String.join(",", p.languages());
            agent.skills = String.join(",", p.skills());
            agent.capacity = Math.max(0, p.capacity());
            agent.statusAt = at;
            if (Agent.ONLINE.equals(p.status()) && !Agent.ONLINE.equals(was)) {
                agent.idleSince = now;
            }
            boolean release = (Agent.OFFLINE.equals(p.status()) && !Agent.OFFLINE.equals(was))
                    || !oldCentre.equals(p.centre());
            List<String> centres = oldCentre.equals(p.centre()) ? List.of(p.centre()) : List.of(oldCentre, p.centre());
            if (!release) {
                return Uni.createFrom().item(new Applied(centres, List.of()));
            }
            String why = Agent.OFFLINE.equals(p.status()) ? "agent " + agent.id + " went offline"
                    : "agent " + agent.id + " moved from " + oldCentre + " to " + p.centre();
            return conversations.lockAssignedTo(agent.id).chain(held -> release(held, why, now))
                    .map(decisions -> new Applied(centres, decisions));
        });
    }

    private Uni<List<StoredDecision>> release(List<Conversation> held, String why, Instant now) {
        DecisionLog.Writes writes = new DecisionLog.Writes();
        for (Conversation c : held) {
            c.state = ConversationState.QUEUED.id();
            c.assignedAgent = null;
            c.updatedAt = now;
            log.add(writes, c, ConversationState.ASSIGNED.id(),
                    List.of(why + ": back to the queue " + c.queue + " of " + c.centre + " in arrival order"), null, now);
        }
        return log.store(writes, now);
    }
}
