package io.vigie.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed routing configuration ({@code vigie.routing.*}); centres themselves come from centres.config. */
@ConfigMapping(prefix = "vigie.routing")
public interface RoutingConfig {

    /**
     * A JSON file holding an array of {@code CentreConfig} records, loaded at start before centres.config is read
     * (for local runs and end-to-end tests; a record on centres.config replaces the seeded one). Unset: none.
     */
    Optional<String> centresSeedFile();

    /** Language whose centres take a conversation in a language no centre covers (e.g. {@code und}). */
    @WithDefault("en")
    String fallbackLanguage();

    /** How long a follow-the-sun hand-off lasts before routing re-decides (renewed while the conversation is worked). */
    @WithDefault("PT30M")
    Duration handoffLease();

    /** Wait in a skill queue after which any agent of the centre may take the conversation. */
    @WithDefault("PT15M")
    Duration widenSkillsAfter();

    /** Priority points added at each SLA breach. */
    @WithDefault("20")
    int escalationBoost();

    /** Urgency from which a conversation asks for the {@code crisis} skill. */
    @WithDefault("0.85")
    double crisisUrgency();

    /** Centres that keep a holding queue (agents claim in the workspace) instead of auto-assignment. */
    Optional<List<String>> holdingCentres();

    /** Period of the clock tick that escalates, widens, renews leases, re-routes and dispatches. */
    @WithDefault("5s")
    String tickEvery();

    /** Unpublished decisions older than this are sent again by the tick (outbox relay). */
    @WithDefault("PT10S")
    Duration republishAfter();

    /**
     * ISO-8601 instant at which routing's clock starts, then runs at normal speed (end-to-end tests and demos that
     * need known opening hours). Unset in production: the system clock.
     */
    Optional<String> clockStart();

    /** SLA used for a centre whose configuration has none. */
    DefaultSla defaultSla();

    /** The SLA applied when a centre publishes no policy. */
    interface DefaultSla {
        /** First agent response after the first customer message. */
        @WithDefault("PT1H")
        Duration firstResponse();

        /** Agent response after a further customer message (reopen). */
        @WithDefault("PT2H")
        Duration nextResponse();

        /** From first message to resolution. */
        @WithDefault("PT24H")
        Duration resolution();

        /** Whether the clocks run only during business hours. */
        @WithDefault("true")
        boolean businessHoursOnly();
    }
}
