package io.vigie.ingestion.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vigie.events.Mention;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes accepted mentions on mentions.raw, keyed by conversation so a thread stays on one partition. */
@ApplicationScoped
public class MentionPublisher {

    /** Channel of the mentions.raw topic. */
    public static final String CHANNEL = "mentions-raw";

    private final MutinyEmitter<Mention> emitter;

    public MentionPublisher(@Channel(CHANNEL) MutinyEmitter<Mention> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> publish(Mention mention) {
        return emitter.sendMessage(Message.of(mention).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(mention.conversationKey())
                .build()));
    }
}
