package io.vigie.ingestion.rest;

import io.vigie.ingestion.domain.SpaceRecord;
import java.time.Instant;

/** A space as the admin API shows it. */
public record SpaceView(String id, String centre, String network, String name, String purpose, String owner,
        Instant createdAt, Instant updatedAt) {

    static SpaceView of(SpaceRecord r) {
        return new SpaceView(r.id, r.centre, r.network, r.name, r.purpose, r.owner, r.createdAt, r.updatedAt);
    }
}
