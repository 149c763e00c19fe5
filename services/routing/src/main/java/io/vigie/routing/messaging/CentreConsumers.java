package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.CentreConfig;
import io.vigie.events.CentreStatus;
import io.vigie.routing.service.CentreDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads centres.config (compacted) and centres.status whole, in a consumer group of this instance only, into the
 * {@link CentreDirectory}.
 */
@ApplicationScoped
public class CentreConsumers {

    /** Channel of the centres.config topic. */
    public static final String CONFIG = "centres-config";
    /** Channel of the centres.status topic. */
    public static final String STATUS = "centres-status";

    private final CentreDirectory directory;
    private final ObjectMapper json;

    public CentreConsumers(CentreDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @Incoming(CONFIG)
    public void onConfig(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() == null) {
                throw new IllegalArgumentException("a CentreConfig tombstone needs a key");
            }
            directory.apply(record.key(), null);
            return;
        }
        CentreConfig c;
        try {
            c = json.readValue(record.value(), CentreConfig.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a CentreConfig event: " + e.getMessage(), e);
        }
        if (c == null || c.id() == null || c.id().isBlank()) {
            throw new IllegalArgumentException("not a CentreConfig event: id is required");
        }
        if (c.version() > CentreConfig.VERSION) {
            throw new IllegalArgumentException("CentreConfig version " + c.version() + " is newer than "
                    + CentreConfig.VERSION + ", the one routing knows");
        }
        directory.apply(c.id(), c);
    }

    @Incoming(STATUS)
    public void onStatus(String payload) {
        CentreStatus s;
        try {
            s = json.readValue(payload, CentreStatus.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a CentreStatus event: " + e.getMessage(), e);
        }
        if (s == null || s.centre() == null || s.centre().isBlank()) {
            throw new IllegalArgumentException("not a CentreStatus event: centre is required");
        }
        directory.apply(s);
    }
}
