package io.vigie.scoring.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.scoring.repository.IncidentRepository;
import io.vigie.scoring.repository.IncidentRepository.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes the alert outbox on the alerts topic (key = incident id), in order, one record after the other's
 * acknowledgement; an entry is marked sent only once the broker has it (at least once; consumers keep the highest
 * revision per incident).
 */
@ApplicationScoped
public class AlertRelay {

    /** Channel of the alerts topic. */
    public static final String CHANNEL = "alerts";

    private final IncidentRepository incidents;
    private final MutinyEmitter<Record<String, String>> alerts;

    public AlertRelay(IncidentRepository incidents, @Channel(CHANNEL) MutinyEmitter<Record<String, String>> alerts) {
        this.incidents = incidents;
        this.alerts = alerts;
    }

    /** Publishes what the outbox holds (up to 200 alerts). */
    public Uni<Void> relay() {
        return incidents.unsent(200).chain(entries -> {
            if (entries.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Long> sent = new ArrayList<>();
            return Multi.createFrom().iterable(entries)
                    .onItem().transformToUniAndConcatenate((OutboxEntry e) -> alerts
                            .send(Record.of(e.incidentId(), e.payload())).invoke(() -> sent.add(e.seq())))
                    .collect().last()
                    .onTermination().call(() -> incidents.markSent(sent))
                    .replaceWithVoid();
        });
    }
}
