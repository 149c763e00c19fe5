package io.vigie.routing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.routing.config.RoutingConfig;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.domain.ConversationState;
import io.vigie.routing.repository.ConversationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Business logic of routing: threads a scored mention into its conversation and decides where it goes.
 * Foundation stage: the centre comes from a language table and every conversation waits in the
 * {@code general} queue; the routing issue brings skills, SLAs, capacity and follow-the-sun overflow.
 */
@ApplicationScoped
public class RoutingService {

    /** Queue of the foundation stage. */
    static final String GENERAL_QUEUE = "general";

    private final ConversationRepository conversations;
    private final RoutingConfig config;

    public RoutingService(ConversationRepository conversations, RoutingConfig config) {
        this.conversations = conversations;
        this.config = config;
    }

    /** Threads {@code scored} into its conversation (idempotently) and returns the resulting decision. */
    @WithTransaction
    public Uni<RoutingDecision> route(ScoredMention scored) {
        String conversationId = scored.mention().conversationKey();
        Instant now = Instant.now();
        return conversations.findById(conversationId)
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : create(scored, conversationId, now))
                .chain(conversation -> conversations
                        .addMessage(conversationId, scored.mention().key(), scored.mention().createdAt())
                        .chain(isNew -> isNew ? onNewMessage(conversation, now) : Uni.createFrom().item(conversation)))
                .map(conversation -> decision(conversation, scored, now));
    }

    private Uni<Conversation> create(ScoredMention scored, String id, Instant now) {
        Conversation c = new Conversation();
        c.id = id;
        c.network = scored.mention().network();
        c.space = scored.mention().space();
        c.authorId = scored.mention().author() == null ? null : scored.mention().author().id();
        c.language = scored.language();
        c.state = ConversationState.NEW.id();
        c.centre = centreFor(scored.language());
        c.queue = GENERAL_QUEUE;
        c.priority = priority(scored);
        c.messageCount = 0;
        c.createdAt = now;
        c.updatedAt = now;
        return conversations.persistAndFlush(c)
                .call(() -> conversations.recordTransition(id, null, c.state, "first message", now));
    }

    private Uni<Conversation> onNewMessage(Conversation c, Instant now) {
        c.messageCount++;
        c.updatedAt = now;
        String from = c.state;
        if (!ConversationState.QUEUED.id().equals(from) && !ConversationState.ASSIGNED.id().equals(from)) {
            c.state = ConversationState.QUEUED.id();
            String reason = ConversationState.NEW.id().equals(from) ? "queued in " + c.centre + "/" + c.queue
                    : "reopened by a new customer message";
            return conversations.recordTransition(c.id, from, c.state, reason, now).replaceWith(c);
        }
        return Uni.createFrom().item(c);
    }

    String centreFor(String language) {
        return config.centreByLanguage().getOrDefault(language, config.defaultCentre());
    }

    static int priority(ScoredMention scored) {
        return (int) Math.round(100 * Math.max(scored.urgency(), 0.5 * scored.influence()));
    }

    private RoutingDecision decision(Conversation c, ScoredMention scored, Instant now) {
        List<String> reasons = new ArrayList<>();
        reasons.add(config.centreByLanguage().containsKey(c.language)
                ? "language " + c.language + " is covered by " + c.centre
                : "language " + c.language + " has no centre; default centre " + c.centre);
        reasons.add("queue " + c.queue + " (foundation stage: one queue per centre)");
        return new RoutingDecision(RoutingDecision.VERSION, c.id, c.state, c.centre, c.queue, c.priority, true,
                reasons, null, scored, now);
    }
}
