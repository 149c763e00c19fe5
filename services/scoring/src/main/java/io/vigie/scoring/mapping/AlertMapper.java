package io.vigie.scoring.mapping;

import io.vigie.events.Alert;
import io.vigie.scoring.domain.IncidentView;
import io.vigie.scoring.domain.radar.RadarEvent.Sample;
import java.time.Instant;

/** Maps a stored incident to the Alert event that reports it. */
public final class AlertMapper {

    private AlertMapper() {
    }

    /** The alert of an incident's current revision, emitted at {@code now}. */
    public static Alert toAlert(IncidentView i, Instant now) {
        return new Alert(Alert.VERSION, i.id(), i.status(), i.subjectKind(), i.subject(), i.centre(), i.language(),
                i.network(), i.startedAt(), i.observed(), i.expected(), i.severity(), i.topTerms(),
                i.samples().stream().map(Sample::key).toList(), now, i.updatedAt(), i.windowSeconds(), i.mentions(),
                i.related(), i.workflow(), i.revision());
    }
}
