package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.repository.ConversationViewRepository;
import io.vigie.workspace.repository.MessageViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Business logic of the workspace: keeps the agents' view of conversations and answers their queries. */
@ApplicationScoped
public class ConversationService {

    private final ConversationViewRepository conversations;
    private final MessageViewRepository messages;

    public ConversationService(ConversationViewRepository conversations, MessageViewRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    /** Applies a routing decision: upserts the conversation and its triggering message (idempotent). */
    @WithTransaction
    public Uni<ConversationView> apply(RoutingDecision decision) {
        ScoredMention scored = decision.message();
        Mention mention = scored.mention();
        Instant now = Instant.now();
        return conversations.findById(decision.conversationId()).chain(existing -> {
            ConversationView c = existing != null ? existing : new ConversationView();
            if (existing == null) {
                c.id = decision.conversationId();
                c.network = mention.network();
                c.space = mention.space();
                c.createdAt = now;
            }
            c.centre = decision.centre();
            c.queue = decision.queue();
            c.state = decision.state();
            c.priority = decision.priority();
            c.actionable = decision.actionable();
            c.language = scored.language();
            c.routingReasons = String.join("\n", decision.reasons());
            c.slaDueAt = decision.slaDueAt();
            c.updatedAt = now;
            c.lastAcceptedAt = mention.acceptedAt();
            return messages.findById(mention.key()).chain(known -> {
                if (known != null) {
                    return existing == null ? conversations.persist(c) : Uni.createFrom().item(c);
                }
                if (mention.threadId().equals(mention.nativeId()) || c.authorHandle == null) {
                    c.authorHandle = mention.author() == null ? null : mention.author().handle();
                }
                c.lastText = mention.text();
                c.sentiment = scored.sentiment() == null ? null : scored.sentiment().label();
                c.topic = scored.topic();
                c.messageCount++;
                MessageView m = new MessageView();
                m.mentionKey = mention.key();
                m.conversationId = c.id;
                m.direction = "inbound";
                m.authorHandle = mention.author() == null ? null : mention.author().handle();
                m.text = mention.text();
                m.language = scored.language();
                m.sentiment = c.sentiment;
                m.sentimentScore = scored.sentiment() == null ? null : scored.sentiment().score();
                m.createdAt = mention.createdAt();
                Uni<ConversationView> saved = existing == null ? conversations.persistAndFlush(c) : Uni.createFrom().item(c);
                return saved.call(() -> messages.persist(m));
            });
        });
    }

    /** A centre's queue. */
    @WithSession
    public Uni<List<ConversationView>> queue(String centre, String queue, String state, int limit) {
        return conversations.queue(centre, queue, state, limit);
    }

    /** One conversation with its messages, or null if it does not exist or belongs to another centre. */
    @WithSession
    public Uni<ConversationDetail> detail(String id, String centre) {
        return conversations.findById(id).chain(c -> {
            if (c == null || (centre != null && !centre.equals(c.centre))) {
                return Uni.createFrom().nullItem();
            }
            return messages.ofConversation(id).map(list -> new ConversationDetail(c, list));
        });
    }

    /** A conversation and its messages. */
    public record ConversationDetail(ConversationView conversation, List<MessageView> messages) {
    }
}
