package io.vigie.ingestion.rest;

import io.vigie.ingestion.domain.WatchlistRecord;
import java.time.Instant;

/** A watchlist as the admin API shows it. */
public record WatchlistView(String id, String centre, String name, String query, Instant createdAt, Instant updatedAt) {

    static WatchlistView of(WatchlistRecord r) {
        return new WatchlistView(r.id, r.centre, r.name, r.query, r.createdAt, r.updatedAt);
    }
}
