package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.workspace.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the audit log. */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {
}
