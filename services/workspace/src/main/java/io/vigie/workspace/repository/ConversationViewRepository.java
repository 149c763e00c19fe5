package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access to the agents' view of conversations. */
@ApplicationScoped
public class ConversationViewRepository implements PanacheRepositoryBase<ConversationView, String> {

    /** A centre's conversations, optionally of one queue and state, most urgent first. */
    public Uni<List<ConversationView>> queue(String centre, String queue, String state, int limit) {
        StringBuilder q = new StringBuilder("centre = :centre");
        Parameters p = Parameters.with("centre", centre);
        if (queue != null) {
            q.append(" and queue = :queue");
            p.and("queue", queue);
        }
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", state);
        }
        q.append(" order by priority desc, updatedAt asc, id asc");
        return find(q.toString(), p).page(0, limit).list();
    }
}
