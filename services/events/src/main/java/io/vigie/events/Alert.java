package io.vigie.events;

import java.time.Instant;
import java.util.List;

/**
 * A spike of conversation detected by the crisis radar, published on {@link Topics#ALERTS} when it opens,
 * while it grows and when it is resolved.
 *
 * @param version       event schema version ({@link #VERSION})
 * @param incidentId    the incident this alert belongs to (one incident per spike)
 * @param status        open, growing or resolved
 * @param subjectKind   watchlist, topic or term
 * @param subject       the watchlist id, topic id or term
 * @param centre        the centre concerned, if any
 * @param language      the language concerned, if any
 * @param network       the network concerned, if any
 * @param startedAt     when the spike started
 * @param observed      mentions observed in the detection window
 * @param expected      mentions expected in that window
 * @param severity      low, medium, high, critical
 * @param topTerms      terms co-occurring most with the spike
 * @param sampleMentions keys of a few sample mentions
 * @param emittedAt     when this alert was emitted
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
        Instant emittedAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: never a null list. */
    public Alert {
        topTerms = topTerms == null ? List.of() : List.copyOf(topTerms);
        sampleMentions = sampleMentions == null ? List.of() : List.copyOf(sampleMentions);
    }
}
