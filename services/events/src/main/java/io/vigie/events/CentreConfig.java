package io.vigie.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A regional language centre's configuration, published by the centres service on the compacted topic
 * {@link Topics#CENTRES_CONFIG} (key = centre id; a record with {@code deleted} true retires the centre).
 *
 * @param version               event schema version ({@link #VERSION})
 * @param id                    centre id, e.g. {@code montpellier}
 * @param city                  city shown to people
 * @param timeZone              IANA time zone, e.g. {@code Europe/Paris}
 * @param primaryLanguages      ISO 639-1 codes the centre serves first
 * @param secondaryLanguages    ISO 639-1 codes it can take on overflow
 * @param residencyZone         data-residency zone, e.g. {@code EU}, {@code US}
 * @param businessHours         opening hours per day of week ({@code MONDAY} to {@code SUNDAY}), each a list
 *                              of {@code HH:mm-HH:mm} ranges in the centre's time zone; a missing day is closed
 * @param holidays              dates (in the centre's time zone) when it is closed
 * @param skills                skills its teams cover (queues), e.g. {@code gaming}, {@code business}
 * @param capacity              conversations the centre can hold at once
 * @param saturationWaitSeconds expected wait above which the centre counts as saturated
 * @param sla                   the centre's SLA policy
 * @param spaces                ids of the brand spaces the centre owns
 * @param watchlists            ids of the watchlists the centre owns
 * @param deleted               true when the centre is retired
 * @param updatedAt             when this configuration was last changed
 */
public record CentreConfig(
        int version,
        String id,
        String city,
        String timeZone,
        List<String> primaryLanguages,
        List<String> secondaryLanguages,
        String residencyZone,
        Map<String, List<String>> businessHours,
        List<LocalDate> holidays,
        List<String> skills,
        int capacity,
        long saturationWaitSeconds,
        SlaPolicy sla,
        List<String> spaces,
        List<String> watchlists,
        boolean deleted,
        Instant updatedAt) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: never a null collection. */
    public CentreConfig {
        primaryLanguages = primaryLanguages == null ? List.of() : List.copyOf(primaryLanguages);
        secondaryLanguages = secondaryLanguages == null ? List.of() : List.copyOf(secondaryLanguages);
        businessHours = businessHours == null ? Map.of() : Map.copyOf(businessHours);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        skills = skills == null ? List.of() : List.copyOf(skills);
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
        watchlists = watchlists == null ? List.of() : List.copyOf(watchlists);
    }

    /**
     * Service-level targets of a centre, in seconds.
     *
     * @param firstResponseSeconds first agent response after the first customer message
     * @param nextResponseSeconds  agent response after each further customer message
     * @param resolutionSeconds    from the first message to resolution
     * @param businessHoursOnly    whether the clocks run only during business hours
     */
    public record SlaPolicy(long firstResponseSeconds, long nextResponseSeconds, long resolutionSeconds,
            boolean businessHoursOnly) {
    }
}
