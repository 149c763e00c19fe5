package io.vigie.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.domain.WatchlistRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access to the watchlists. */
@ApplicationScoped
public class WatchlistRepository implements PanacheRepositoryBase<WatchlistRecord, String> {

    /** The watchlists of one centre, by name. */
    public Uni<List<WatchlistRecord>> ofCentre(String centre) {
        return list("centre = ?1 order by name, id", centre);
    }
}
