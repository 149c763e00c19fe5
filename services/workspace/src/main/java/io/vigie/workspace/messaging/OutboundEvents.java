package io.vigie.workspace.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigie.events.AgentPresence;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Reply;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes the workspace's events: replies to post, agents' presence, closed conversations; each Uni completes on the broker's ack. */
@ApplicationScoped
public class OutboundEvents {

    /** Channel of the replies.outbound topic (key = conversation id). */
    public static final String REPLIES = "replies-outbound";
    /** Channel of the agents.presence topic (key = agent id). */
    public static final String PRESENCE = "agents-presence";
    /** Channel of the conversations.closed topic (key = conversation id). */
    public static final String CLOSED = "conversations-closed";

    private final MutinyEmitter<String> replies;
    private final MutinyEmitter<String> presence;
    private final MutinyEmitter<String> closed;
    private final ObjectMapper json;

    public OutboundEvents(@Channel(REPLIES) MutinyEmitter<String> replies,
            @Channel(PRESENCE) MutinyEmitter<String> presence,
            @Channel(CLOSED) MutinyEmitter<String> closed, ObjectMapper json) {
        this.replies = replies;
        this.presence = presence;
        this.closed = closed;
        this.json = json;
    }

    public Uni<Void> reply(Reply reply) {
        return send(replies, reply.conversationId(), reply);
    }

    public Uni<Void> presence(AgentPresence p) {
        return send(presence, p.agentId(), p);
    }

    public Uni<Void> closed(ConversationClosed c) {
        return send(closed, c.conversationId(), c);
    }

    private Uni<Void> send(MutinyEmitter<String> emitter, String key, Object event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return emitter.sendMessage(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
    }
}
