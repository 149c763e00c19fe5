package io.vigie.ingestion.rest;

import java.util.List;

/** Outcome of a replay request: counts, and each rejected line with its reason. */
public record ReplaySummary(int accepted, int duplicates, int rejected, List<LineError> errors) {

    /** One rejected line of a replay file. */
    public record LineError(int line, String reason) {
    }
}
