package io.vigie.events;

/** The author of a post as the network describes them. */
public record Author(String id, String handle, long followers, boolean verified) {
}
