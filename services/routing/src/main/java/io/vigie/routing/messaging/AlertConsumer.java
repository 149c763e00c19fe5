package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.events.Alert;
import io.vigie.routing.service.IncidentWatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the alerts topic whole, in a consumer group of this instance only, into the {@link IncidentWatch}; an
 * unreadable record goes to alerts.dlq with its reason.
 */
@ApplicationScoped
public class AlertConsumer {

    /** Channel of the alerts topic. */
    public static final String CHANNEL = "alerts";

    private final IncidentWatch incidents;
    private final ObjectMapper json;

    public AlertConsumer(IncidentWatch incidents, ObjectMapper json) {
        this.incidents = incidents;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public void onAlert(String payload) {
        Alert a;
        try {
            a = json.readValue(payload, Alert.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an Alert event: " + e.getMessage(), e);
        }
        if (a == null || a.incidentId() == null || a.incidentId().isBlank()) {
            throw new IllegalArgumentException("not an Alert event: incidentId is required");
        }
        if (a.version() > Alert.VERSION) {
            throw new IllegalArgumentException("Alert version " + a.version() + " is newer than " + Alert.VERSION);
        }
        incidents.apply(a);
    }
}
