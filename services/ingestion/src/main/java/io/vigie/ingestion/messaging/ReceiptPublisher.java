package io.vigie.ingestion.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigie.events.DeliveryReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes delivery receipts on replies.receipts, keyed by reply id. */
@ApplicationScoped
public class ReceiptPublisher {

    /** Channel of the replies.receipts topic. */
    public static final String CHANNEL = "replies-receipts";

    private final MutinyEmitter<DeliveryReceipt> emitter;

    public ReceiptPublisher(@Channel(CHANNEL) MutinyEmitter<DeliveryReceipt> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> publish(DeliveryReceipt receipt) {
        return emitter.sendMessage(Message.of(receipt)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(receipt.replyId()).build()));
    }
}
