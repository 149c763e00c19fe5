package io.vigie.ingestion.client;

import java.time.Instant;

/** The outcome of one attempt to post a reply on a network. */
public sealed interface PostOutcome {

    /** The network accepted the reply and gave it this id. */
    record Delivered(String networkId) implements PostOutcome {
    }

    /** A transient failure (timeout, 5xx, 429): try again, not before {@code notBefore} if known. */
    record Retry(String reason, Instant notBefore) implements PostOutcome {
    }

    /** A permanent failure (4xx other than 429, unsupported network): report it failed. */
    record Failed(String reason) implements PostOutcome {
    }
}
