package io.vigie.events;

import java.time.Instant;

/**
 * The outcome of posting a {@link Reply}, published on {@link Topics#DELIVERY_RECEIPTS}.
 *
 * @param version         event schema version ({@link #VERSION})
 * @param replyId         the reply concerned
 * @param conversationId  its conversation
 * @param status          delivered or failed
 * @param networkId       the id the network gave the post, when delivered
 * @param reason          why it failed, when failed
 * @param attempts        how many attempts were made
 * @param at              when the outcome was known
 */
public record DeliveryReceipt(
        int version,
        String replyId,
        String conversationId,
        String status,
        String networkId,
        String reason,
        int attempts,
        Instant at) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;
    /** Status of a reply the network accepted. */
    public static final String DELIVERED = "delivered";
    /** Status of a reply that could not be posted. */
    public static final String FAILED = "failed";
}
