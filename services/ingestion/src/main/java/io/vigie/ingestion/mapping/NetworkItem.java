package io.vigie.ingestion.mapping;

/** One item found in a network payload (webhook body, stream line, polled page), after normalisation. */
public sealed interface NetworkItem {

    /** A post that becomes a Mention. */
    record Post(ReplayPost post, String raw) implements NetworkItem {
    }

    /** Parsed but not normalisable: goes to the dead-letter topic with its reason. */
    record Rejected(String key, String reason, String raw) implements NetworkItem {
    }

    /** Known to carry no post (a like, a ping, the brand's own echo): counted, not published. */
    record Ignored(String reason) implements NetworkItem {
    }
}
