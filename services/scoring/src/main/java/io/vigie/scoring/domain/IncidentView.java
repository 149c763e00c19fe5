package io.vigie.scoring.domain;

import io.vigie.scoring.domain.radar.RadarEvent.Sample;
import java.time.Instant;
import java.util.List;

/**
 * An incident as stored: what the radar last reported and what supervisors did about it.
 *
 * @param id             incident id
 * @param status         open, growing or resolved
 * @param workflow       new, acknowledged or closed
 * @param revision       revision of the last alert published for it
 * @param subjectKind    watchlist, term, topic or scope
 * @param subject        what surged
 * @param centre         the centre concerned, if any
 * @param language       the language concerned, if any
 * @param network        the network concerned, if any
 * @param startedAt      when the surge started (event time)
 * @param detectedAt     when the radar opened it (event time)
 * @param updatedAt      the radar's clock at its last event
 * @param resolvedAt     when it resolved, if it did
 * @param windowSeconds  detection window
 * @param observed       mentions in the window at the last event
 * @param expected       mentions expected in the window
 * @param pValue         tail probability of the observed count
 * @param severity       low, medium, high, critical
 * @param topTerms       co-occurring terms
 * @param related        subjects that surged with it, as {@code kind:subject}
 * @param samples        sample mentions with their texts
 * @param mentions       mentions grouped
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgedAt when
 * @param closedBy       who closed it
 * @param closedAt       when
 */
public record IncidentView(String id, String status, String workflow, int revision, String subjectKind,
        String subject, String centre, String language, String network, Instant startedAt, Instant detectedAt,
        Instant updatedAt, Instant resolvedAt, long windowSeconds, double observed, double expected, double pValue,
        String severity, List<String> topTerms, List<String> related, List<Sample> samples, long mentions,
        String acknowledgedBy, Instant acknowledgedAt, String closedBy, Instant closedAt) {

    /**
     * A supervisor's note or action on an incident.
     *
     * @param author    who
     * @param action    note, acknowledge or close
     * @param text      what they wrote
     * @param createdAt when
     */
    public record Note(String author, String action, String text, Instant createdAt) {
    }

    /**
     * Where one webhook notification of the incident stands.
     *
     * @param revision    the alert's revision
     * @param endpoint    the webhook's name
     * @param attempts    attempts so far
     * @param deliveredAt when it was accepted, if it was
     * @param failedAt    when it was given up, if it was
     * @param lastStatus  the endpoint's last HTTP status
     * @param lastError   the last error
     */
    public record Delivery(int revision, String endpoint, int attempts, Instant deliveredAt, Instant failedAt,
            Integer lastStatus, String lastError) {
    }

    /**
     * An incident with its trail: notes, the latest grouped mentions and its webhook deliveries.
     *
     * @param incident   the incident
     * @param notes      notes and actions, oldest first
     * @param latest     the latest mentions it grouped, newest first
     * @param deliveries webhook notifications, newest first
     */
    public record Detail(IncidentView incident, List<Note> notes, List<Sample> latest, List<Delivery> deliveries) {
    }
}
