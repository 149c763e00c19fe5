package io.vigie.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.domain.SpaceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access to the brand spaces. */
@ApplicationScoped
public class SpaceRepository implements PanacheRepositoryBase<SpaceRecord, String> {

    /** The spaces of one centre, by id. */
    public Uni<List<SpaceRecord>> ofCentre(String centre) {
        return list("centre = ?1 order by id", centre);
    }
}
