package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.CannedReply;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.repository.CannedReplyRepository;
import io.vigie.workspace.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Canned replies per language, filled in with the conversation's customer, product and the agent's name. */
@ApplicationScoped
public class CannedReplyService {

    private final CannedReplyRepository canned;
    private final AgentActionService actions;
    private final AuditService audit;

    public CannedReplyService(CannedReplyRepository canned, AgentActionService actions, AuditService audit) {
        this.canned = canned;
        this.actions = actions;
        this.audit = audit;
    }

    /** The canned replies of a language usable by a centre (its own and the shared ones). */
    @WithSession
    public Uni<List<CannedReply>> list(String centre, String language) {
        return language == null
                ? canned.list("centre is null or centre = ?1 order by language, title", centre)
                : canned.list("(centre is null or centre = ?1) and language = ?2 order by title", centre, language);
    }

    /** The canned replies in the conversation's language, with their variables filled in. */
    @WithSession
    public Uni<List<Rendered>> forConversation(Actor actor, String id) {
        return actions.load(id, actor).chain(c -> canned
                .list("(centre is null or centre = ?1) and language = ?2 order by title", actor.centre(), c.language)
                .map(l -> l.stream().map(r -> new Rendered(r.id, r.title, fill(r.body, c, actor))).toList()));
    }

    @WithTransaction
    public Uni<CannedReply> add(Actor supervisor, String language, String title, String body) {
        CannedReply r = new CannedReply();
        r.centre = supervisor.centre();
        r.language = language;
        r.title = title;
        r.body = body;
        return canned.persist(r).call(() -> audit.record(supervisor, "canned_add", null, language + ": " + title));
    }

    /** Fills {customer}, {product} and {agent}. */
    static String fill(String body, ConversationView c, Actor actor) {
        String customer = c.authorHandle == null ? "" : c.authorHandle;
        String product = c.productLine == null ? "Nordlys" : c.productLine;
        return body.replace("{customer}", customer).replace("{product}", product).replace("{agent}", actor.name());
    }

    /**
     * A canned reply ready to insert.
     *
     * @param id    the canned reply's id
     * @param title its title
     * @param text  its body with the variables filled in
     */
    public record Rendered(Long id, String title, String text) {
    }
}
