package io.vigie.centres.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.events.CentreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes live centre status on centres.status, keyed by centre id. */
@ApplicationScoped
public class CentreStatusPublisher {

    /** Channel of the centres.status topic. */
    public static final String CHANNEL = "centres-status";

    private final MutinyEmitter<Record<String, CentreStatus>> emitter;

    public CentreStatusPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, CentreStatus>> emitter) {
        this.emitter = emitter;
    }

    /** Sends one status; completes when the broker acknowledged it. */
    public Uni<Void> publish(CentreStatus status) {
        return emitter.send(Record.of(status.centre(), status));
    }
}
