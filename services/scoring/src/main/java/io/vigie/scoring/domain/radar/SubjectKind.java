package io.vigie.scoring.domain.radar;

import java.util.Locale;

/**
 * What a tracked series counts, in the order an incident prefers its subject: a watchlist is what the room asked to
 * watch, a term is what people say, a topic and a scope (centre × language × network) are broader.
 */
public enum SubjectKind {
    /** Mentions tagged with one watchlist at ingestion. */
    WATCHLIST,
    /** Mentions containing one term or hashtag (emerging terms). */
    TERM,
    /** Mentions of one topic/intent. */
    TOPIC,
    /** Mentions of one centre × language × network. */
    SCOPE;

    /** Lower-case id used in events and series keys, e.g. {@code watchlist}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of an id such as {@code term}. */
    public static SubjectKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** Whether mentions of such a series join an incident it is related to (broad kinds only group). */
    public boolean specific() {
        return this == WATCHLIST || this == TERM;
    }
}
