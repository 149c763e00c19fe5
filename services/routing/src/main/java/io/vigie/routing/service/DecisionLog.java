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
        if (c.centre == null) {
            // No centre yet: the transition is kept, no decision is published (consumers need a centre); the tick
            // routes it once a centre covers it.
            return conversations.recordTransition(c.id, from, c.state, String.join("; ", reasons), now)
                    .replaceWith((StoredDecision) null);
        }
        String payload;
        try {
            payload = json.writeValueAsString(DecisionMapper.toEvent(c, reasons, message, now));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return conversations.recordTransition(c.id, from, c.state, String.join("; ", reasons), now)
                .chain(() -> decisions.insert(c.id, payload, now));
    }
}
