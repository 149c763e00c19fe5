package io.vigie.ingestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mention accepted by ingestion: de-duplication ledger entry and outbox row until it is published. */
@Entity
@Table(name = "mention")
public class MentionRecord {

    /** {@code network:nativeId}. */
    @Id
    public String key;

    public String network;

    @Column(name = "native_id")
    public String nativeId;

    @Column(name = "conversation_key")
    public String conversationKey;

    /** The {@link io.vigie.events.Mention} event as JSON, exactly as published. */
    public String payload;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    /** When the broker acknowledged it on mentions.raw; null while it is still to be published. */
    @Column(name = "published_at")
    public Instant publishedAt;
}
