package io.vigie.ingestion.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Dead-letters network payloads that parsed but cannot become a Mention (a deletion, a comment without text, an
 * unsupported object...) on {@code ingestion.rejected}, unchanged, with the headers {@code dead-letter-reason} and
 * {@code vigie-source}.
 */
@ApplicationScoped
public class RejectedPublisher {

    /** Channel of the ingestion.rejected topic. */
    public static final String CHANNEL = "ingestion-rejected";
    /** Header holding why the payload was rejected (same name as SmallRye's dead-letter queues). */
    public static final String REASON_HEADER = io.vigie.apisupport.DeadLetters.REASON_HEADER;
    /** Header naming the connector that received the payload (meta, discourse, linkedin, x, rss). */
    public static final String SOURCE_HEADER = "vigie-source";

    private final MutinyEmitter<String> emitter;

    public RejectedPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record. */
    public Uni<Void> reject(String source, String key, String reason, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build()));
    }
}
