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

    /** A customer's post {@code nativeId} in {@code thread}, routed to montpellier. */
    public static RoutingDecision reply(String nativeId, String thread, String lang, String text) {
        return Fixtures.decision(nativeId, thread, "montpellier", "x:@NordlysCare_FR", lang, text, "negative", -0.5,
                Instant.parse("2026-11-22T10:05:00Z"));
    }
}
