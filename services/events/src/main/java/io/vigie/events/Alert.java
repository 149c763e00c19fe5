package io.vigie.events;

import java.time.Instant;
import java.util.List;

/**
 * A spike of conversation detected by the crisis radar, published on {@link Topics#ALERTS} (key = incident id) when
 * its incident opens, while it grows, when it is resolved, and when a supervisor acknowledges or closes it.
 *
 * @param version        event schema version ({@link #VERSION})
 * @param incidentId     the incident this alert belongs to (one incident per spike)
 * @param status         detection: open, growing or resolved
 * @param subjectKind    watchlist, term, topic or scope
 * @param subject        the watchlist id, term, topic id, or {@code centre|language|network} for a scope
 * @param centre         the centre concerned, if any
 * @param language       the language concerned, if any
 * @param network        the network concerned, if any
 * @param startedAt      when the spike started
 * @param observed       mentions observed in the detection window
 * @param expected       mentions expected in that window
 * @param severity       low, medium, high, critical
 * @param topTerms       terms co-occurring most with the spike
 * @param sampleMentions keys of a few sample mentions
 * @param emittedAt      when this alert was emitted (wall clock)
 * @param detectedAt     the radar's clock (event time) when it emitted this alert; a replay keeps its own times
 * @param windowSeconds  the detection window
 * @param mentions       mentions grouped into the incident so far
 * @param related        other subjects that surged with the same mentions, as {@code kind:subject}
 * @param workflow       what people did: new, acknowledged or closed
 * @param revision       1, 2, ... per incident: a consumer keeps the highest
 */
public record Alert(
        int version,
        String incidentId,
        String status,
        String subjectKind,
        String subject,
        String centre,
        String language,
        String network,
        Instant startedAt,
        double observed,
        double expected,
        String severity,
        List<String> topTerms,
        List<String> sampleMentions,
        Instant emittedAt,
        Instant detectedAt,
        long windowSeconds,
        long mentions,
        List<String> related,
        String workflow,
        int revision) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;
    /** Status of the alert that opens an incident. */
    public static final String OPEN = "open";
    /** Status of an incident that grew, gained related subjects or reopened. */
    public static final String GROWING = "growing";
    /** Status of an incident whose spike ended. */
    public static final String RESOLVED = "resolved";
    /** Workflow of an incident nobody has acknowledged yet. */
    public static final String NEW = "new";
    /** Workflow of an incident a supervisor acknowledged. */
    public static final String ACKNOWLEDGED = "acknowledged";
    /** Workflow of an incident a supervisor closed. */
    public static final String CLOSED = "closed";

    /** Compact canonical constructor: never a null list, a workflow by default. */
    public Alert {
        topTerms = topTerms == null ? List.of() : List.copyOf(topTerms);
        sampleMentions = sampleMentions == null ? List.of() : List.copyOf(sampleMentions);
        related = related == null ? List.of() : List.copyOf(related);
        workflow = workflow == null || workflow.isBlank() ? NEW : workflow;
    }

    /** Whether the room still has to deal with it: not resolved and not closed. */
    public boolean active() {
        return !RESOLVED.equals(status) && !CLOSED.equals(workflow);
    }
}
