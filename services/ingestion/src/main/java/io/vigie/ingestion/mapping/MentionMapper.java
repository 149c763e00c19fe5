package io.vigie.ingestion.mapping;

import io.vigie.apisupport.NulFreeStrings;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Validates an incoming post and normalises it into a {@link Mention} event. */
@ApplicationScoped
public class MentionMapper {

    /** Networks Vigie ingests from. */
    public static final Set<String> NETWORKS = Set.of("x", "facebook", "instagram", "linkedin", "community", "rss");

    static final int MAX_ID = 256;
    static final int MAX_TEXT = 100_000;

    /** The mention for {@code post}, accepted at {@code acceptedAt}; throws {@link InvalidPostException} with the reason. */
    public Mention toMention(ReplayPost post, List<String> watchlists, Instant acceptedAt) {
        if (post == null) {
            throw new InvalidPostException("empty post");
        }
        String network = required("network", post.network());
        if (!NETWORKS.contains(network)) {
            throw new InvalidPostException("network '" + network + "' is not one of " + NETWORKS.stream().sorted().toList());
        }
        String id = bounded("id", required("id", post.id()));
        String text = nulFree("text", required("text", post.text()));
        if (text.length() > MAX_TEXT) {
            throw new InvalidPostException("text is longer than " + MAX_TEXT + " characters");
        }
        Instant createdAt = instant(required("createdAt", post.createdAt()));
        Author author = null;
        if (post.author() != null) {
            ReplayPost.ReplayAuthor a = post.author();
            long followers = a.followers() == null ? 0 : a.followers();
            if (followers < 0) {
                throw new InvalidPostException("author.followers must not be negative");
            }
            author = new Author(bounded("author.id", required("author.id", a.id())), nulFree("author.handle", a.handle()), followers,
                    Boolean.TRUE.equals(a.verified()));
        }
        return new Mention(Mention.VERSION, network, id, bounded("space", blankToNull(post.space())),
                bounded("threadId", blankToNull(post.threadId())), bounded("inReplyTo", blankToNull(post.inReplyTo())),
                author, text, nulFree("lang", blankToNull(post.lang())), createdAt, nulFree("url", blankToNull(post.url())), watchlists,
                acceptedAt);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidPostException(field + " is required");
        }
        return value.strip();
    }

    /**
     * An identifier: at most {@link #MAX_ID} characters and no control character (a NUL, which PostgreSQL cannot store,
     * or a line break in a key is a malformed post, not an identifier to keep).
     */
    private static String bounded(String field, String value) {
        if (value != null && value.length() > MAX_ID) {
            throw new InvalidPostException(field + " is longer than " + MAX_ID + " characters");
        }
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidPostException(field + " must not contain control characters");
        }
        return value;
    }

    /**
     * Free text without a NUL character, which PostgreSQL cannot store in text or JSON: refused with the reason the
     * REST bodies give ({@link NulFreeStrings}), as the webhooks' posts are read from raw JSON, not bound by Jackson.
     */
    private static String nulFree(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidPostException(field + " " + NulFreeStrings.REASON);
        }
        return value;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidPostException("createdAt '" + value + "' is not an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
