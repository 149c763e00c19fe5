package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.workspace.domain.CannedReply;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the canned replies. */
@ApplicationScoped
public class CannedReplyRepository implements PanacheRepositoryBase<CannedReply, Long> {
}
