package io.vigie.ingestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A brand space (account, page, board, group, feed) owned by a centre. */
@Entity
@Table(name = "space")
public class SpaceRecord {

    /** The space as connectors name it in {@code Mention.space}, e.g. {@code x:@NordlysCare}. */
    @Id
    public String id;

    public String centre;

    public String network;

    public String name;

    /** support, expertise, education, communication, entertainment or promotion. */
    public String purpose;

    public String owner;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
