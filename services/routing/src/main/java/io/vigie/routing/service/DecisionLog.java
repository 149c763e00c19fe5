package io.vigie.routing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ScoredMention;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.mapping.DecisionMapper;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.DecisionRepository;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records, inside the caller's transaction, a conversation's transition and the decision to publish (outbox). */
@ApplicationScoped
public class DecisionLog {

    private final ConversationRepository conversations;
    private final DecisionRepository decisions;
    private final ObjectMapper json;

    public DecisionLog(ConversationRepository conversations, DecisionRepository decisions, ObjectMapper json) {
        this.conversations = conversations;
        this.decisions = decisions;
        this.json = json;
    }

    /**
     * Records the transition {@code from → c.state} with its reasons and stores the decision to publish; emits null
     * (nothing to publish) while the conversation has no centre.
     */
    public Uni<StoredDecision> record(Conversation c, String from, List<String> reasons, ScoredMention message,
            Instant now) {
        Writes writes = new Writes();
        add(writes, c, from, reasons, message, now);
        return store(writes, now).map(stored -> stored.isEmpty() ? null : stored.get(0));
    }

    /**
     * The transitions and decisions of a transaction, collected in the order they were taken and stored together
     * by {@link #store}: one statement per table instead of one per row.
     */
    public static final class Writes {
        private final List<ConversationRepository.NewTransition> transitions = new ArrayList<>();
        private final List<DecisionRepository.NewDecision> decisions = new ArrayList<>();

        /** A transition with no decision to publish (the first one of a conversation, say). */
        public void transition(String conversationId, String from, String to, String reason, Instant at) {
            transitions.add(new ConversationRepository.NewTransition(conversationId, from, to, reason, at));
        }
    }

    /**
     * Adds to {@code writes} what {@link #record} stores: the transition {@code from → c.state} with its reasons and,
     * once the conversation has a centre, the decision to publish, as the conversation is now.
     */
    public void add(Writes writes, Conversation c, String from, List<String> reasons, ScoredMention message,
            Instant now) {
        // No centre yet: the transition is kept, no decision is published (consumers need a centre); the tick routes it
        // once a centre covers it.
        String payload;
        try {
            payload = c.centre == null ? null : json.writeValueAsString(DecisionMapper.toEvent(c, reasons, message, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a routing decision could not be written as JSON", e);
        }
        writes.transition(c.id, from, c.state, String.join("; ", reasons), now);
        if (payload != null) {
            writes.decisions.add(new DecisionRepository.NewDecision(c.id, payload));
        }
    }

    /** Stores the collected writes; emits the stored decisions, in the order they were taken. */
    public Uni<List<StoredDecision>> store(Writes writes, Instant now) {
        return conversations.recordTransitions(writes.transitions)
                .chain(() -> decisions.insertAll(writes.decisions, now));
    }
}
