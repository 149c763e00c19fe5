package io.vigie.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.ingestion.domain.ConnectorCursor;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the pollers' cursors. */
@ApplicationScoped
public class CursorRepository implements PanacheRepositoryBase<ConnectorCursor, String> {
}
