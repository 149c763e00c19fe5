package io.vigie.workspace.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.events.RoutingDecision;
import io.vigie.workspace.service.ConversationService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads conversations.routed into the agents' view (decisions without a message update routing only); unreadable records go to the dead-letter topic. */
@ApplicationScoped
public class RoutingDecisionConsumer {

    /** Channel of the conversations.routed topic. */
    public static final String IN = "conversations-routed";

    private final ConversationService conversations;
    private final ObjectMapper json;

    public RoutingDecisionConsumer(ConversationService conversations, ObjectMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    @Incoming(IN)
    public Uni<Void> onDecision(String payload) {
        return Uni.createFrom().item(() -> parse(payload)).chain(conversations::apply).replaceWithVoid();
    }

    private RoutingDecision parse(String payload) {
        try {
            RoutingDecision d = json.readValue(payload, RoutingDecision.class);
            // centre may be null: a conversation no centre may take yet, kept until a later decision gives it one
            if (d.conversationId() == null || (d.message() != null && d.message().mention() == null)) {
                throw new IllegalArgumentException("conversationId and (with a message) message.mention are required");
            }
            if (d.version() > RoutingDecision.VERSION) {
                throw new IllegalArgumentException("RoutingDecision version " + d.version() + " is newer than "
                        + RoutingDecision.VERSION);
            }
            return d;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a RoutingDecision event: " + e.getMessage(), e);
        }
    }
}
