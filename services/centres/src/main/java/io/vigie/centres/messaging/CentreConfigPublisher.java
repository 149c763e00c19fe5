package io.vigie.centres.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes centre configurations on the compacted centres.config topic, keyed by centre id. */
@ApplicationScoped
public class CentreConfigPublisher {

    /** Channel of the centres.config topic. */
    public static final String CHANNEL = "centres-config";

    private final MutinyEmitter<Record<String, CentreConfig>> emitter;

    public CentreConfigPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, CentreConfig>> emitter) {
        this.emitter = emitter;
    }

    /** Sends one configuration; completes when the broker acknowledged it. */
    public Uni<Void> publish(CentreConfig config) {
        return emitter.send(Record.of(config.id(), config));
    }
}
