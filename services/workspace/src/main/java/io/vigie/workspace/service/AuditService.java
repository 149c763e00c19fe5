package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.AuditEntry;
import io.vigie.workspace.repository.AuditEntryRepository;
import io.vigie.workspace.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Writes the audit log in the caller's transaction and reads it back for supervisors. */
@ApplicationScoped
public class AuditService {

    private final AuditEntryRepository audit;

    public AuditService(AuditEntryRepository audit) {
        this.audit = audit;
    }

    /** Records an action; must run inside the transaction of the action itself. */
    public Uni<AuditEntry> record(Actor actor, String action, String conversationId, String detail) {
        return record(actor, action, conversationId, detail, false);
    }

    /** Records an action, flagging a supervisor's override of the reply policy. */
    public Uni<AuditEntry> record(Actor actor, String action, String conversationId, String detail, boolean override) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now();
        e.actor = actor.name();
        e.centre = actor.centre();
        e.action = action;
        e.conversationId = conversationId;
        e.detail = detail;
        e.override = override;
        return audit.persist(e);
    }

    /** The audit of one conversation, oldest first. */
    public Uni<List<AuditEntry>> ofConversation(String conversationId) {
        return audit.list("conversationId = ?1 order by at, id", conversationId);
    }

    /** A centre's audit log, newest first, optionally of one conversation or of overrides only. */
    @WithSession
    public Uni<List<AuditEntry>> ofCentre(String centre, String conversationId, boolean overridesOnly, int limit) {
        StringBuilder q = new StringBuilder("centre = :centre");
        Parameters p = Parameters.with("centre", centre);
        if (conversationId != null) {
            q.append(" and conversationId = :c");
            p.and("c", conversationId);
        }
        if (overridesOnly) {
            q.append(" and override = true");
        }
        return audit.find(q.append(" order by at desc, id desc").toString(), p).page(0, limit).list();
    }
}
