package io.vigie.scoring.domain.radar;

import java.time.Instant;
import java.util.List;

/**
 * One change of an incident the radar reports: it opened, it grew (or gained related subjects), it resolved.
 *
 * @param incidentId    stable id of the incident (one per spike)
 * @param seq           1 for the opening event, then one more for each event of the incident
 * @param status        {@code open}, {@code growing} or {@code resolved}
 * @param kind          what the incident's subject is
 * @param subject       the watchlist id, term, topic id, or {@code centre|language|network}
 * @param centre        the centre concerned, if one dominates
 * @param language      the language concerned, if one dominates
 * @param network       the network concerned, if one dominates
 * @param startedAt     when the surge started (event time)
 * @param detectedAt    the radar's clock (event time) when this event was emitted
 * @param windowSeconds the detection window
 * @param observed      mentions observed in that window
 * @param expected      mentions the baseline expected in that window
 * @param pValue        the tail probability of {@code observed} under the baseline
 * @param severity      low, medium, high or critical
 * @param topTerms      terms co-occurring most with the incident's mentions
 * @param samples       a few sample mentions (the first ones, then the latest)
 * @param related       other subjects that surged with the same mentions, as {@code kind:subject}
 * @param mentions      mentions grouped into the incident so far
 * @param newMentions   mentions grouped into the incident since its previous event (bounded)
 */
public record RadarEvent(String incidentId, int seq, String status, SubjectKind kind, String subject, String centre,
        String language, String network, Instant startedAt, Instant detectedAt, long windowSeconds, double observed,
        double expected, double pValue, String severity, List<String> topTerms, List<Sample> samples,
        List<String> related, long mentions, List<Sample> newMentions) {

    /** Status of an event that opens an incident. */
    public static final String OPEN = "open";
    /** Status of an event of an incident that grew or gained related subjects. */
    public static final String GROWING = "growing";
    /** Status of the last event of an incident. */
    public static final String RESOLVED = "resolved";

    /**
     * A mention of an incident.
     *
     * @param key      mention key
     * @param at       event time
     * @param text     the start of its text
     * @param language its language
     * @param network  its network
     */
    public record Sample(String key, Instant at, String text, String language, String network) {
    }
}
