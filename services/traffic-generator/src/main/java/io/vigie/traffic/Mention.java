package io.vigie.traffic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One post exactly as it appears in a replay line; optional fields are {@code null} and omitted from the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"network", "id", "space", "threadId", "inReplyTo", "author", "text", "lang", "createdAt", "url"})
public record Mention(
        String network,
        String id,
        String space,
        String threadId,
        String inReplyTo,
        Author author,
        String text,
        String lang,
        String createdAt,
        String url) {

    /** The author block of a replay line; {@code followers} is {@code null} when the network does not expose it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "handle", "followers", "verified"})
    public record Author(String id, String handle, Long followers, boolean verified) {
    }
}
