package io.vigie.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vigie.events.Alert;
import io.vigie.scoring.config.RadarConfig;
import io.vigie.scoring.domain.IncidentView;
import io.vigie.scoring.domain.radar.RadarEvent;
import io.vigie.scoring.mapping.AlertMapper;
import io.vigie.scoring.repository.IncidentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Incidents: stores what the radar reports (idempotently: a replayed radar event changes nothing) together with the
 * alert to publish and its webhook notifications (one transaction, the outbox), and lets supervisors acknowledge,
 * annotate and close them.
 */
@ApplicationScoped
public class IncidentService {

    private static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

    private final IncidentRepository incidents;
    private final ObjectMapper json;
    private final Map<String, RadarConfig.Webhook> webhooks;

    public IncidentService(IncidentRepository incidents, ObjectMapper json, RadarConfig config) {
        this.incidents = incidents;
        this.json = json;
        this.webhooks = config.webhooks();
        for (Map.Entry<String, RadarConfig.Webhook> e : webhooks.entrySet()) {
            if (!SEVERITIES.contains(e.getValue().minSeverity())) {
                throw new IllegalArgumentException("vigie.radar.webhooks." + e.getKey() + ".min-severity must be one of "
                        + SEVERITIES + ", not " + e.getValue().minSeverity());
            }
            if (e.getValue().secret().isBlank()) {
                throw new IllegalArgumentException("vigie.radar.webhooks." + e.getKey() + ".secret is empty");
            }
        }
    }

    /** Stores the radar's events in order, each with its alert in the outbox; emits how many were new. */
    public Uni<Integer> record(List<RadarEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return incidents.inTransaction(tx -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(e -> incidents.applyRadarEvent(tx, e).chain(view -> view == null
                        ? Uni.createFrom().item(0)
                        : incidents.addMentions(tx, view.id(), e.newMentions())
                                .chain(() -> enqueue(tx, view, "radar:" + e.seq())).replaceWith(1)))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)));
    }

    private Uni<Void> enqueue(SqlClient tx, IncidentView view, String origin) {
        Alert alert = AlertMapper.toAlert(view, Instant.now());
        String payload;
        try {
            payload = json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return incidents.enqueue(tx, view.id(), origin, payload).chain(seq -> seq == null ? Uni.createFrom().voidItem()
                : incidents.addDeliveries(tx, seq, endpointsFor(view.severity())));
    }

    private List<String> endpointsFor(String severity) {
        int rank = SEVERITIES.indexOf(severity);
        List<String> out = new ArrayList<>();
        webhooks.forEach((name, w) -> {
            if (rank >= SEVERITIES.indexOf(w.minSeverity())) {
                out.add(name);
            }
        });
        out.sort(String::compareTo);
        return out;
    }

    /** Incidents visible from a centre (null: every centre), active ones only or all. */
    public Uni<List<IncidentView>> list(String centre, boolean activeOnly, int limit) {
        return incidents.list(centre, activeOnly, limit);
    }

    /** One incident with its notes, latest mentions and deliveries, if {@code centre} (null: any) may see it. */
    public Uni<IncidentView.Detail> detail(String id, String centre) {
        return incidents.find(pool(), id, false).chain(i -> {
            if (i == null || !visible(i, centre)) {
                return Uni.createFrom().failure(notFound(id));
            }
            return Uni.combine().all().unis(incidents.notes(id), incidents.latestMentions(id, 50),
                    incidents.deliveries(id)).asTuple()
                    .map(t -> new IncidentView.Detail(i, t.getItem1(), t.getItem2(), t.getItem3()));
        });
    }

    /** A supervisor takes the incident in hand; published as a new revision of its alert. */
    public Uni<IncidentView> acknowledge(String id, String centre, String user) {
        return act(id, centre, user, Alert.ACKNOWLEDGED, null);
    }

    /** A supervisor closes the incident (the radar stops reporting it); published as a new revision. */
    public Uni<IncidentView> close(String id, String centre, String user, String reason) {
        return act(id, centre, user, Alert.CLOSED, reason);
    }

    /** A supervisor's note on the incident (not published). */
    public Uni<IncidentView.Note> annotate(String id, String centre, String user, String text) {
        return incidents.inTransaction(tx -> incidents.find(tx, id, true).chain(i -> {
            if (i == null || !visible(i, centre)) {
                return Uni.createFrom().failure(notFound(id));
            }
            return incidents.addNote(tx, id, user, "note", text)
                    .replaceWith(new IncidentView.Note(user, "note", text, Instant.now()));
        }));
    }

    private Uni<IncidentView> act(String id, String centre, String user, String workflow, String text) {
        return incidents.inTransaction(tx -> incidents.find(tx, id, true).chain(i -> {
            if (i == null || !visible(i, centre)) {
                return Uni.createFrom().failure(notFound(id));
            }
            if (Alert.CLOSED.equals(i.workflow())) {
                return Uni.createFrom().failure(HttpProblem.valueOf(Response.Status.CONFLICT,
                        "incident " + id + " was closed by " + i.closedBy()));
            }
            if (Alert.ACKNOWLEDGED.equals(workflow) && Alert.ACKNOWLEDGED.equals(i.workflow())) {
                return Uni.createFrom().failure(HttpProblem.valueOf(Response.Status.CONFLICT,
                        "incident " + id + " was already acknowledged by " + i.acknowledgedBy()));
            }
            String action = Alert.ACKNOWLEDGED.equals(workflow) ? "acknowledge" : "close";
            return incidents.setWorkflow(tx, id, workflow, user)
                    .call(v -> incidents.addNote(tx, id, user, action, text))
                    .call(v -> enqueue(tx, v, "api:" + UUID.randomUUID()));
        }));
    }

    /** Which of these incidents supervisors closed. */
    public Uni<List<String>> closedAmong(List<String> ids) {
        return incidents.closedAmong(ids);
    }

    private static boolean visible(IncidentView i, String centre) {
        return centre == null || i.centre() == null || centre.equals(i.centre());
    }

    private static HttpProblem notFound(String id) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, "no incident " + id + " visible to you");
    }

    private SqlClient pool() {
        return incidents.client();
    }
}
