package io.vigie.ingestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reply to post on a network: idempotency ledger entry (one per reply id) and outbox of its delivery receipt. */
@Entity
@Table(name = "outbound_reply")
public class OutboundReplyRecord {

    /** Waiting for its (next) attempt. */
    public static final String PENDING = "pending";
    /** An attempt is under way; if the process dies now the outcome is unknown and the reply is never re-posted. */
    public static final String POSTING = "posting";
    /** Posted; {@link #networkId} holds the network's id. */
    public static final String DELIVERED = "delivered";
    /** Given up; {@link #lastError} says why. */
    public static final String FAILED = "failed";

    @Id
    @Column(name = "reply_id")
    public String replyId;

    @Column(name = "conversation_id")
    public String conversationId;

    public String network;

    public String space;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    public String text;

    public String status;

    public int attempts;

    @Column(name = "network_id")
    public String networkId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the broker acknowledged the delivery receipt; null while it is still to be published. */
    @Column(name = "receipt_published_at")
    public Instant receiptPublishedAt;
}
