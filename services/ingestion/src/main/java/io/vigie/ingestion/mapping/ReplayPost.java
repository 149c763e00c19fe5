package io.vigie.ingestion.mapping;

/**
 * One post as it arrives on the HTTP intake or in a replay file (JSON Lines), before validation.
 * Fields are kept as the sender wrote them so that every mistake can be reported precisely.
 */
public record ReplayPost(
        String network,
        String id,
        String space,
        String threadId,
        String inReplyTo,
        ReplayAuthor author,
        String text,
        String lang,
        String createdAt,
        String url) {

    /** The author block of a replay line. */
    public record ReplayAuthor(String id, String handle, Long followers, Boolean verified) {
    }
}
