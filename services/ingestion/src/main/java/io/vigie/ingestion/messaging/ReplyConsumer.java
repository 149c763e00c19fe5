package io.vigie.ingestion.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.apisupport.Unavailable;
import io.vigie.events.Reply;
import io.vigie.ingestion.service.OutboundService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads replies.outbound and records each reply for posting; the record is acknowledged once the reply is stored.
 * Unreadable records go to replies.outbound.dlq with their reason.
 */
@ApplicationScoped
public class ReplyConsumer {

    /** Channel of the replies.outbound topic. */
    public static final String CHANNEL = "replies-outbound";

    private final OutboundService outbound;
    private final ObjectMapper json;

    public ReplyConsumer(OutboundService outbound, ObjectMapper json) {
        this.outbound = outbound;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onReply(String payload) {
        return Uni.createFrom().item(() -> parse(payload))
                .chain(r -> Unavailable.retried(() -> outbound.enqueue(r), "a replies.outbound record"));
    }

    Reply parse(String payload) {
        Reply reply;
        try {
            reply = json.readValue(payload, Reply.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a Reply event: " + e.getMessage(), e);
        }
        if (reply == null) {
            throw new IllegalArgumentException("empty record");
        }
        if (reply.version() > Reply.VERSION) {
            throw new IllegalArgumentException("Reply version " + reply.version() + " is newer than " + Reply.VERSION);
        }
        for (String[] f : new String[][] { { "replyId", reply.replyId() }, { "network", reply.network() },
                { "inReplyTo", reply.inReplyTo() }, { "text", reply.text() } }) {
            if (f[1] == null || f[1].isBlank()) {
                throw new IllegalArgumentException("Reply without " + f[0]);
            }
        }
        return reply;
    }
}
