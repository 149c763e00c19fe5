package io.vigie.ingestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed webhook delivery already processed: its exact signed bytes coming again are a replay, refused. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** {@code connector:sha256(signed bytes)}. */
    @Id
    public String id;

    public String connector;

    @Column(name = "received_at")
    public Instant receivedAt;
}
