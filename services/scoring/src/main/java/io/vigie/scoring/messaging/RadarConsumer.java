package io.vigie.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vigie.events.ScoredMention;
import io.vigie.scoring.service.RadarService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the crisis radar from mentions.scored, read whole by every instance in a consumer group of its own, from
 * the offsets of the radar's snapshot (no offsets are committed: the snapshot is the radar's position). A record
 * that is not a readable ScoredMention is skipped and counted: routing, the topic's owner downstream, dead-letters
 * it with its reason.
 */
@ApplicationScoped
@Identifier(RadarConsumer.REBALANCE)
public class RadarConsumer implements KafkaConsumerRebalanceListener {

    /** Channel of mentions.scored for the radar (batch mode). */
    public static final String CHANNEL = "radar-mentions";
    /** Name of this rebalance listener in the channel's configuration. */
    public static final String REBALANCE = "radar-rebalance";

    private static final Logger LOG = Logger.getLogger(RadarConsumer.class);

    private final RadarService radar;
    private final ObjectMapper json;
    private final Counter skipped;

    public RadarConsumer(RadarService radar, ObjectMapper json, MeterRegistry registry) {
        this.radar = radar;
        this.json = json;
        this.skipped = Counter.builder("vigie_radar_skipped_records_total")
                .description("mentions.scored records the radar could not read").register(registry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return radar.onRecords(() -> inputs(batch))
                .onFailure().invoke(e -> LOG.errorf(e, "radar: a batch of %d records failed", batch.getRecords().size()))
                .onFailure().recoverWithNull()
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** The batch's mentions, parsed (off the event loop, with the counting); an unreadable record is skipped. */
    private List<RadarService.Input> inputs(KafkaRecordBatch<String, String> batch) {
        List<RadarService.Input> inputs = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> r : batch.getRecords()) {
            ScoredMention s = parse(r.getPayload());
            if (s == null) {
                skipped.increment();
                continue;
            }
            inputs.add(new RadarService.Input(r.getPartition(), offset(r), s));
        }
        return inputs;
    }

    private static long offset(KafkaRecord<String, String> r) {
        return r.getMetadata(io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata.class)
                .map(m -> m.getOffset()).orElse(-1L);
    }

    private ScoredMention parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            ScoredMention s = json.readValue(payload, ScoredMention.class);
            if (s == null || s.mention() == null || s.version() > ScoredMention.VERSION) {
                return null;
            }
            return s;
        } catch (Exception e) {
            LOG.debugf("radar: unreadable mentions.scored record skipped: %s", e.getMessage());
            return null;
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> offsets = radar.restore();
        for (TopicPartition tp : partitions) {
            Long next = offsets.get(tp.partition());
            if (next != null) {
                consumer.seek(tp, next);
            }
        }
    }
}
