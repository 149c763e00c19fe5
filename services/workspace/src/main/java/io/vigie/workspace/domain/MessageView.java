package io.vigie.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a conversation, inbound from the customer or outbound from an agent. */
@Entity
@Table(name = "message")
public class MessageView {

    @Id
    @Column(name = "mention_key")
    public String mentionKey;
    @Column(name = "conversation_id")
    public String conversationId;
    public String direction;
    @Column(name = "author_handle")
    public String authorHandle;
    public String text;
    public String language;
    public String sentiment;
    @Column(name = "sentiment_score")
    public Double sentimentScore;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The post's id on its network (for an inbound message), or the network's id once a reply is delivered. */
    @Column(name = "native_id")
    public String nativeId;
    /** For a reply: the native id of the post it answers. */
    @Column(name = "in_reply_to")
    public String inReplyTo;
    /** For a reply: the brand account it is posted from. */
    public String space;
    /** For a reply: who wrote it. */
    @Column(name = "agent_id")
    public String agentId;
    /** Whether a community expert wrote it. */
    public boolean expert;
    /** For an expert's reply: pending, approved or rejected. */
    @Column(name = "review_status")
    public String reviewStatus;
    /** For a reply: review, pending, delivered or failed. */
    @Column(name = "delivery_status")
    public String deliveryStatus;
    @Column(name = "delivery_reason")
    public String deliveryReason;
    @Column(name = "network_post_id")
    public String networkPostId;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** When the reply was handed to the broker; null while it waits in the outbox. */
    @Column(name = "published_at")
    public Instant publishedAt;
    /** Whether an expert marked it as the accepted answer. */
    public boolean accepted;
    /** Whether an expert hid it as spam. */
    public boolean hidden;
    /** Scoring's topic of a customer message. */
    public String topic;
    /** Scoring's urgency, 0 (can wait) to 1 (now). */
    public Double urgency;
    /** Scoring's author influence, 0 to 1. */
    public Double influence;
    /** consumer or business. */
    public String segment;
    /** Whether scoring took it for spam. */
    public Boolean spam;
    /** What drove urgency (comma-separated). */
    public String signals;
    /** When ingestion accepted a customer message (start of the end-to-end latency clock). */
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    /** When the workspace stored a customer message, i.e. when it entered an agent's queue. */
    @Column(name = "stored_at")
    public Instant storedAt;

    /** Direction of a customer's message. */
    public static final String INBOUND = "inbound";
    /** Direction of a reply from the brand. */
    public static final String OUTBOUND = "outbound";
    /** Key prefix of outbound messages: {@code reply:<replyId>}. */
    public static final String REPLY_PREFIX = "reply:";
}
