package io.vigie.centres.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.centres.domain.Centre;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to centres. */
@ApplicationScoped
public class CentreRepository implements PanacheRepositoryBase<Centre, String> {
}
