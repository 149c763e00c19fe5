package io.vigie.ingestion.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a poller stands in one source (X since_id, a feed's ETag and Last-Modified), kept across restarts. */
@Entity
@Table(name = "connector_cursor")
public class ConnectorCursor {

    /** e.g. {@code x:mentions:2244994945} or {@code rss:https://blog.example/feed}. */
    @Id
    public String source;

    /** Opaque position: the newest id seen, for since_id. */
    public String cursor;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
