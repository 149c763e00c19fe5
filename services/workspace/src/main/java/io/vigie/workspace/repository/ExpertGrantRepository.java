package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.workspace.domain.ExpertGrant;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the experts' grants. */
@ApplicationScoped
public class ExpertGrantRepository implements PanacheRepositoryBase<ExpertGrant, Long> {
}
