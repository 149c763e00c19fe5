package io.vigie.apisupport;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The dead letter of one record of a batch consumer, with the same headers as SmallRye's dead-letter-queue failure
 * strategy (which, in batch mode, can only dead-letter a whole batch): the reason, and where the record came from.
 */
public final class DeadLetters {

    /** Header that carries why a record was dead-lettered. */
    public static final String REASON_HEADER = "dead-letter-reason";

    private DeadLetters() {
    }

    /** The message to send to the dead-letter topic for {@code record}, with {@code reason}. */
    public static Message<Record<String, String>> of(KafkaRecord<String, String> record, String reason) {
        String offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> String.valueOf(m.getOffset()))
                .orElse("");
        return Message.of(Record.of(record.getKey(), record.getPayload()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .addHeaders(header(REASON_HEADER, reason == null ? "unknown" : reason),
                                header("dead-letter-topic", record.getTopic()),
                                header("dead-letter-partition", String.valueOf(record.getPartition())),
                                header("dead-letter-offset", offset))
                        .build());
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
