package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.ExpertGrant;
import io.vigie.workspace.repository.ConversationViewRepository;
import io.vigie.workspace.repository.ExpertGrantRepository;
import io.vigie.workspace.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Community experts' scoped rights: supervisors grant and revoke them; experts see and act only within them. */
@ApplicationScoped
public class GrantService {

    private final ExpertGrantRepository grants;
    private final ConversationViewRepository conversations;
    private final AuditService audit;

    public GrantService(ExpertGrantRepository grants, ConversationViewRepository conversations, AuditService audit) {
        this.grants = grants;
        this.conversations = conversations;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<ExpertGrant> grant(Actor supervisor, String expert, String space, Set<String> rights) {
        if (rights.isEmpty() || !ExpertGrant.RIGHTS.containsAll(rights)) {
            throw Problems.badRequest("rights must be a non-empty subset of " + ExpertGrant.RIGHTS);
        }
        ExpertGrant g = new ExpertGrant();
        g.expert = expert;
        g.centre = supervisor.centre();
        g.space = space;
        g.rights = String.join(",", new TreeSet<>(rights));
        g.grantedBy = supervisor.name();
        g.grantedAt = Instant.now();
        return grants.persist(g).call(() -> audit.record(supervisor, "grant", null,
                expert + " on " + space + ": " + g.rights));
    }

    @WithTransaction
    public Uni<ExpertGrant> revoke(Actor supervisor, long id) {
        return grants.findById(id).chain(g -> {
            if (g == null || !supervisor.centre().equals(g.centre)) {
                throw Problems.notFound("no grant " + id + " in your centre");
            }
            if (g.revokedAt != null) {
                return Uni.createFrom().item(g);
            }
            g.revokedAt = Instant.now();
            g.revokedBy = supervisor.name();
            return audit.record(supervisor, "revoke", null, g.expert + " on " + g.space + ": " + g.rights).replaceWith(g);
        });
    }

    /** A centre's grants (supervisor) or the caller's own active grants (expert). */
    @WithSession
    public Uni<List<ExpertGrant>> list(Actor actor) {
        if (actor.supervisor()) {
            return grants.list("centre = ?1 order by grantedAt desc, id desc", actor.centre());
        }
        return active(actor);
    }

    /** The caller's active grants in their centre. */
    public Uni<List<ExpertGrant>> active(Actor expert) {
        return grants.list("expert = ?1 and centre = ?2 and revokedAt is null order by id", expert.name(), expert.centre());
    }

    /** The spaces where the expert holds any active right. */
    @WithSession
    public Uni<List<String>> spaces(Actor expert) {
        return active(expert).map(l -> l.stream().map(g -> g.space).distinct().toList());
    }

    /**
     * The conversation if the expert may see it (an active grant on its space, in its centre): otherwise 404; and
     * if {@code right} is given and not granted on that space: 403.
     */
    public Uni<ConversationView> load(String id, Actor expert, String right) {
        return conversations.findById(id).chain(c -> active(expert).map(list -> {
            List<ExpertGrant> onSpace = c == null ? List.of()
                    : list.stream().filter(g -> g.space.equals(c.space) && g.centre.equals(c.centre)).toList();
            if (onSpace.isEmpty()) {
                throw Problems.notFound("no conversation " + id + " in the spaces granted to you");
            }
            if (right != null && onSpace.stream().noneMatch(g -> g.rightSet().contains(right))) {
                throw Problems.forbidden("you were not granted '" + right + "' on " + c.space);
            }
            return c;
        }));
    }

    /** The conversation if the expert may see it; otherwise a 404 problem. */
    @WithSession
    public Uni<ConversationView> visible(String id, Actor expert) {
        return load(id, expert, null);
    }
}
