package io.vigie.ingestion.service;

import java.time.Instant;
import java.util.List;

/** What a query would have matched among the most recent mentions. */
public record DryRunResult(String query, int scanned, int matched, List<Sample> samples) {

    /** One matched mention. */
    public record Sample(String key, String network, String space, String author, String text, Instant createdAt) {
    }
}
