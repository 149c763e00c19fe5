package io.vigie.workspace.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.apisupport.Unavailable;
import io.vigie.events.DeliveryReceipt;
import io.vigie.workspace.service.ReplyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads replies.receipts: the delivery status of each reply; unreadable records go to the dead-letter topic. */
@ApplicationScoped
public class ReceiptConsumer {

    /** Channel of the replies.receipts topic. */
    public static final String IN = "replies-receipts";

    private final ReplyService replies;
    private final ObjectMapper json;

    public ReceiptConsumer(ReplyService replies, ObjectMapper json) {
        this.replies = replies;
        this.json = json;
    }

    @Incoming(IN)
    public Uni<Void> onReceipt(String payload) {
        return Uni.createFrom().item(() -> parse(payload))
                .chain(r -> Unavailable.retried(() -> replies.applyReceipt(r), "a replies.receipts record"))
                .replaceWithVoid();
    }

    private DeliveryReceipt parse(String payload) {
        try {
            DeliveryReceipt r = json.readValue(payload, DeliveryReceipt.class);
            if (r.replyId() == null || r.status() == null) {
                throw new IllegalArgumentException("replyId and status are required");
            }
            if (r.version() > DeliveryReceipt.VERSION) {
                throw new IllegalArgumentException("DeliveryReceipt version " + r.version() + " is newer than "
                        + DeliveryReceipt.VERSION);
            }
            return r;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a DeliveryReceipt event: " + e.getMessage(), e);
        }
    }
}
