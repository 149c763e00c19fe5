package io.vigie.routing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vigie.events.RoutingDecision;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.ConversationRepository.Transition;
import io.vigie.routing.repository.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Reads a conversation's routing for the API: where it is, its latest decision and every transition. */
@ApplicationScoped
public class ConversationQueryService {

    private final ConversationRepository conversations;
    private final DecisionRepository decisions;
    private final ObjectMapper json;

    public ConversationQueryService(ConversationRepository conversations, DecisionRepository decisions, ObjectMapper json) {
        this.conversations = conversations;
        this.decisions = decisions;
        this.json = json;
    }

    /** A conversation's routing as the API shows it. */
    public record RoutingView(String id, String state, String centre, String homeCentre, String queue, int priority,
            boolean actionable, String assignedAgent, int messageCount, long arrival, Instant slaDueAt,
            Instant resolutionDueAt, int escalationLevel, Instant leaseExpiresAt, RoutingDecision decision,
            List<Transition> transitions) {
    }

    /** The routing of conversation {@code id}, or null if routing does not know it. */
    @WithSession
    public Uni<RoutingView> detail(String id) {
        return conversations.findById(id).chain(c -> c == null ? Uni.createFrom().nullItem()
                : decisions.latest(id).chain(latest -> conversations.transitions(id)
                        .map(transitions -> view(c, latest, transitions))));
    }

    private RoutingView view(Conversation c, String latest, List<Transition> transitions) {
        RoutingDecision decision;
        try {
            decision = latest == null ? null : json.readValue(latest, RoutingDecision.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new RoutingView(c.id, c.state, c.centre, c.homeCentre, c.queue, c.priority, c.actionable, c.assignedAgent,
                c.messageCount, c.arrival, c.slaDueAt, c.resolutionDueAt, c.escalationLevel, c.leaseExpiresAt, decision,
                transitions);
    }
}
