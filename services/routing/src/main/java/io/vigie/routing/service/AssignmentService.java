package io.vigie.routing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.routing.config.RoutingConfig;
import io.vigie.routing.domain.Agent;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.domain.ConversationState;
import io.vigie.routing.repository.AgentRepository;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns a centre's queued conversations to its online agents: highest priority first, strict arrival order within
 * one priority, to the least loaded eligible agent (then the longest idle), never above an agent's capacity. The
 * centre's online agents are locked for the whole dispatch, so two instances never dispatch one centre at once
 * (ADR 0040).
 */
@ApplicationScoped
public class AssignmentService {

    private static final int BATCH = 500;

    private final AgentRepository agents;
    private final ConversationRepository conversations;
    private final DecisionLog log;
    private final RoutingConfig config;
    private final RoutingMetrics metrics;
    private final CentreDirectory directory;
    private final Clock clock;

    public AssignmentService(AgentRepository agents, ConversationRepository conversations, DecisionLog log,
            RoutingConfig config, RoutingMetrics metrics, CentreDirectory directory, Clock clock) {
        this.directory = directory;
        this.metrics = metrics;
        this.agents = agents;
        this.conversations = conversations;
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    /** Whether the centre auto-assigns (otherwise its agents claim from a holding queue in the workspace). */
    public boolean autoAssigns(String centre) {
        return centre != null && !config.holdingCentres().orElse(List.of()).contains(centre);
    }

    /** Assigns what can be assigned in {@code centre} now; emits the decisions to publish. */
    @WithTransaction
    public Uni<List<StoredDecision>> dispatch(String centre) {
        if (!autoAssigns(centre)) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        return agents.lockOnline(centre).chain(online -> online.isEmpty() ? Uni.createFrom().item(List.<StoredDecision>of())
                : conversations.loads(online.stream().map(a -> a.id).toList())
                        // every agent at capacity: nothing can be assigned, and a long queue is not read for nothing
                        .chain(loads -> online.stream().noneMatch(a -> loads.getOrDefault(a.id, 0) < a.capacity)
                                ? Uni.createFrom().item(List.<StoredDecision>of())
                                : conversations.lockQueued(centre, BATCH)
                                        .chain(queued -> assign(online, new HashMap<>(loads), queued, now))));
    }

    /**
     * Whether the conversation's centre covers its language; when it does not (a fallback, e.g. {@code und}), agents
     * are not filtered by language.
     */
    private boolean coveredHere(Conversation c) {
        return directory.centre(c.centre).map(centre -> centre.primaryLanguages().contains(c.language)
                || centre.secondaryLanguages().contains(c.language)).orElse(true);
    }

    private Uni<List<StoredDecision>> assign(List<Agent> online, Map<String, Integer> loads, List<Conversation> queued,
            Instant now) {
        List<Conversation> assigned = new ArrayList<>();
        List<List<String>> reasons = new ArrayList<>();
        for (Conversation c : queued) {
            Optional<Agent> pick = online.stream()
                    .filter(a -> loads.getOrDefault(a.id, 0) < a.capacity)
                    .filter(a -> a.languageList().isEmpty() || a.languageList().contains(c.language)
                            || !coveredHere(c))
                    .filter(a -> Triage.GENERAL.equals(c.queue) || c.widened || a.skillList().contains(c.queue))
                    .min(Comparator.<Agent>comparingInt(a -> loads.getOrDefault(a.id, 0))
                            .thenComparing(a -> a.idleSince)
                            .thenComparing(a -> a.id));
            if (pick.isEmpty()) {
                continue;
            }
            Agent a = pick.get();
            int load = loads.getOrDefault(a.id, 0);
            List<String> why = new ArrayList<>();
            why.add("assigned to " + a.id + " (least loaded eligible agent: " + load + "/" + a.capacity
                    + " before, idle since " + a.idleSince + ")");
            loads.put(a.id, load + 1);
            a.idleSince = now;
            c.state = ConversationState.ASSIGNED.id();
            c.assignedAgent = a.id;
            c.updatedAt = now;
            if (c.handedOff()) {
                c.leaseExpiresAt = now.plus(config.handoffLease());
                why.add("hand-off lease to " + c.centre + " renewed until " + c.leaseExpiresAt + " while worked");
            }
            assigned.add(c);
            metrics.assignment(c.centre);
            reasons.add(why);
        }
        DecisionLog.Writes writes = new DecisionLog.Writes();
        for (int i = 0; i < assigned.size(); i++) {
            Conversation c = assigned.get(i);
            List<String> why = reasons.get(i);
            log.add(writes, c, ConversationState.QUEUED.id(), why, null, now);
        }
        return log.store(writes, now);
    }
}
