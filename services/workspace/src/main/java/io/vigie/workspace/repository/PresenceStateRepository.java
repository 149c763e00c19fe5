package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.workspace.domain.PresenceState;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the agents' presence. */
@ApplicationScoped
public class PresenceStateRepository implements PanacheRepositoryBase<PresenceState, String> {
}
