package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.apisupport.Unavailable;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the workspace's replies.outbound and conversations.closed (group routing, keyed by conversation). */
@ApplicationScoped
public class WorkspaceEventsConsumer {

    /** Channel of the replies.outbound topic. */
    public static final String REPLIES = "replies-outbound";
    /** Channel of the conversations.closed topic. */
    public static final String CLOSED = "conversations-closed";

    private final RoutingFlow flow;
    private final ObjectMapper json;

    public WorkspaceEventsConsumer(RoutingFlow flow, ObjectMapper json) {
        this.flow = flow;
        this.json = json;
    }

    @Incoming(REPLIES)
    public Uni<Void> onReply(String payload) {
        return Uni.createFrom().item(() -> {
            Reply r = read(payload, Reply.class);
            if (r.conversationId() == null || r.agentId() == null) {
                throw new IllegalArgumentException("not a Reply event: conversationId and agentId are required");
            }
            return r;
        }).chain(r -> Unavailable.retried(() -> flow.onReply(r), "a replies.outbound record"));
    }

    @Incoming(CLOSED)
    public Uni<Void> onClosed(String payload) {
        return Uni.createFrom().item(() -> {
            ConversationClosed c = read(payload, ConversationClosed.class);
            if (c.conversationId() == null) {
                throw new IllegalArgumentException("not a ConversationClosed event: conversationId is required");
            }
            return c;
        }).chain(c -> Unavailable.retried(() -> flow.onClosed(c), "a conversations.closed record"));
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            T value = json.readValue(payload, type);
            if (value == null) {
                throw new IllegalArgumentException("empty");
            }
            return value;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " event: " + e.getMessage(), e);
        }
    }
}
