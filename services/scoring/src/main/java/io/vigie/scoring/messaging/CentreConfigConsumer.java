package io.vigie.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.CentreConfig;
import io.vigie.scoring.service.SpaceOwners;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads centres.config (compacted) whole, in a consumer group of this instance only, so that the radar knows which
 * centre owns each space and watchlist. Unreadable records go to centres.config.dlq (routing reads the same topic
 * and dead-letters them too; the reason header says which).
 */
@ApplicationScoped
public class CentreConfigConsumer {

    /** Channel of the centres.config topic. */
    public static final String CHANNEL = "centres-config";

    private final SpaceOwners owners;
    private final ObjectMapper json;

    public CentreConfigConsumer(SpaceOwners owners, ObjectMapper json) {
        this.owners = owners;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public void onConfig(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                throw new IllegalArgumentException("scoring: a CentreConfig tombstone needs a key");
            }
            owners.apply(record.key(), null);
            return;
        }
        CentreConfig c;
        try {
            c = json.readValue(record.value(), CentreConfig.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("scoring: not a CentreConfig event: " + e.getMessage(), e);
        }
        if (c == null || c.id() == null || c.id().isBlank()) {
            throw new IllegalArgumentException("scoring: not a CentreConfig event: id is required");
        }
        if (c.version() > CentreConfig.VERSION) {
            throw new IllegalArgumentException("scoring: CentreConfig version " + c.version() + " is newer than "
                    + CentreConfig.VERSION);
        }
        owners.apply(c.id(), c);
    }
}
