package io.vigie.ingestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A watchlist: a named boolean query owned by a centre; every mention is tagged with the ids of those it matches. */
@Entity
@Table(name = "watchlist")
public class WatchlistRecord {

    @Id
    public String id;

    public String centre;

    public String name;

    /** The query, as written (see {@link io.vigie.ingestion.domain.query.QueryParser}). */
    public String query;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
