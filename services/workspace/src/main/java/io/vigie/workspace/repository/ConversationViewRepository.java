package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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

    /** Conversations of a centre in the given spaces (an expert's view), most urgent first. */
    public Uni<List<ConversationView>> inSpaces(String centre, List<String> spaces, int limit) {
        if (spaces.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("centre = :centre and space in :spaces order by priority desc, updatedAt asc, id asc",
                Parameters.with("centre", centre).and("spaces", spaces)).page(0, limit).list();
    }

    /**
     * Gives the conversation to {@code agent} if nobody else holds it, in one statement so that two agents
     * claiming at once cannot both win; returns the number of rows changed (0 or 1).
     */
    public Uni<Integer> claim(String id, String centre, String agent, Instant now) {
        return update("assignee = :agent, state = 'assigned', updatedAt = :now where id = :id and centre = :centre"
                + " and (assignee is null or assignee = :agent) and state not in ('closed', 'escalated')",
                Parameters.with("agent", agent).and("now", now).and("id", id).and("centre", centre));
    }

    /** Open conversations whose next response is due before {@code before} and that were not warned yet. */
    public Uni<List<ConversationView>> slaDueUnwarned(Instant before) {
        return list("slaDueAt is not null and slaDueAt < ?1 and slaWarnedAt is null"
                + " and state in ('new', 'queued', 'assigned')", before);
    }
}
