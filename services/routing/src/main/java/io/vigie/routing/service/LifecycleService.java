package io.vigie.routing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Reply;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.domain.ConversationState;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workspace does to a conversation, as routing learns it: a public reply stops the response clock and
 * waits for the customer; a close ends it. Both free the agent's capacity.
 */
@ApplicationScoped
public class LifecycleService {

    private final ConversationRepository conversations;
    private final RoutingService routing;
    private final DecisionLog log;
    private final Clock clock;

    public LifecycleService(ConversationRepository conversations, RoutingService routing, DecisionLog log, Clock clock) {
        this.conversations = conversations;
        this.routing = routing;
        this.log = log;
        this.clock = clock;
    }

    /** The centre to dispatch and the decisions to publish (none when nothing changed). */
    public record Changed(String centre, List<StoredDecision> decisions) {
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("routing knows no conversation " + id);
    }

    /** An agent replied publicly: the conversation waits for the customer, the response SLA is met or missed. */
    @WithTransaction
    public Uni<Changed> replied(Reply reply) {
        Instant now = clock.instant();
        return conversations.lock(reply.conversationId()).onItem().ifNull().failWith(() -> unknown(reply.conversationId()))
                .chain(c -> {
                    if (!ConversationState.QUEUED.id().equals(c.state) && !ConversationState.ASSIGNED.id().equals(c.state)
                            && !ConversationState.NEW.id().equals(c.state)) {
                        return Uni.createFrom().item(new Changed(c.centre, List.of()));
                    }
                    String from = c.state;
                    Instant at = reply.createdAt() == null ? now : reply.createdAt();
                    List<String> reasons = new ArrayList<>();
                    reasons.add(reply.agentId() + " replied publicly: waiting for the customer");
                    if (c.slaDueAt != null) {
                        reasons.add("response SLA " + (at.isAfter(c.slaDueAt) ? "missed" : "met") + " (due " + c.slaDueAt + ")");
                    }
                    c.state = ConversationState.WAITING_CUSTOMER.id();
                    c.assignedAgent = reply.agentId();
                    c.slaDueAt = null;
                    c.updatedAt = now;
                    return log.record(c, from, reasons, null, now).map(d -> changed(c, d));
                });
    }

    /** The workspace closed the conversation. */
    @WithTransaction
    public Uni<Changed> closed(ConversationClosed closed) {
        Instant now = clock.instant();
        return conversations.lock(closed.conversationId()).onItem().ifNull().failWith(() -> unknown(closed.conversationId()))
                .chain(c -> {
                    if (ConversationState.CLOSED.id().equals(c.state)) {
                        return Uni.createFrom().item(new Changed(c.centre, List.of()));
                    }
                    String from = c.state;
                    c.state = ConversationState.CLOSED.id();
                    c.slaDueAt = null;
                    c.leaseExpiresAt = null;
                    c.updatedAt = now;
                    return log.record(c, from, List.of("closed by " + closed.closedBy() + " in the workspace"), null, now)
                            .map(d -> changed(c, d));
                });
    }

    /**
     * A supervisor pulls a non-actionable conversation into the queues; emits null if routing does not know it or
     * {@code maySee} refuses it (centre, home centre).
     */
    @WithTransaction
    public Uni<Changed> pull(String id, String supervisor, java.util.function.BiPredicate<String, String> maySee) {
        Instant now = clock.instant();
        return conversations.lock(id).chain(c -> {
            if (c == null || !maySee.test(c.centre, c.homeCentre)) {
                return Uni.createFrom().nullItem();
            }
            if (c.actionable && !ConversationState.NEW.id().equals(c.state)) {
                return Uni.createFrom().item(new Changed(c.centre, List.of()));
            }
            String from = c.state;
            c.actionable = true;
            c.updatedAt = now;
            List<String> reasons = new ArrayList<>();
            reasons.add("pulled into the queues by " + supervisor);
            routing.place(c, now, reasons, false);
            return log.record(c, from, reasons, null, now).map(d -> changed(c, d));
        });
    }

    private static Changed changed(Conversation c, StoredDecision d) {
        return new Changed(c.centre, d == null ? List.of() : List.of(d));
    }
}
