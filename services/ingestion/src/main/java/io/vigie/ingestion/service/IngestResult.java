package io.vigie.ingestion.service;

/** What happened to one post given to ingestion. */
public record IngestResult(String key, Status status, String error) {

    /** Outcome of one post. */
    public enum Status {
        /** New; stored and published. */
        ACCEPTED,
        /** Already seen (same network and id); nothing new published. */
        DUPLICATE,
        /** Invalid; nothing stored or published. */
        REJECTED
    }

    static IngestResult accepted(String key) {
        return new IngestResult(key, Status.ACCEPTED, null);
    }

    static IngestResult duplicate(String key) {
        return new IngestResult(key, Status.DUPLICATE, null);
    }

    static IngestResult rejected(String error) {
        return new IngestResult(null, Status.REJECTED, error);
    }
}
