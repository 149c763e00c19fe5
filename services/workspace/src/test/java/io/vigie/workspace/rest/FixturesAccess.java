package io.vigie.workspace.rest;

import io.vigie.events.RoutingDecision;
import java.time.Instant;

/** {@link Fixtures}' decisions for the tests of other packages. */
public final class FixturesAccess {

    private FixturesAccess() {
    }

    /** A customer's root post routed to montpellier. */
    public static RoutingDecision decision(String thread, String lang, String text, String label, double score) {
        return Fixtures.decision(thread, thread, "montpellier", "x:@NordlysCare_FR", lang, text, label, score,
                Instant.parse("2026-11-22T10:00:00Z"));
    }
}
