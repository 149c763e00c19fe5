package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Data access to the agents' view of conversations. */
@ApplicationScoped
public class ConversationViewRepository implements PanacheRepositoryBase<ConversationView, String> {

    /** The conversations with these ids that exist, by id, their rows locked until the transaction ends (in id order). */
    public Uni<Map<String, ConversationView>> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return find("from ConversationView c where c.id in ?1 order by c.id", List.copyOf(ids))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .map(found -> {
                    Map<String, ConversationView> byId = new HashMap<>();
                    found.forEach(c -> byId.put(c.id, c));
                    return byId;
                });
    }

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
    /** A conversation whose response falls due soon, just marked as warned: its id, centre, space and due time. */
    public record SlaWarning(String id, String centre, String space, Instant dueAt) {
    }

    /**
     * Marks as warned (at most {@code limit} of) the open conversations whose response falls due before
     * {@code before} and that were not warned yet, and returns them. Rows another transaction holds (a poll of
     * routing decisions being applied) are skipped, not waited for, and left to the next run: waiting for them, in
     * whatever order, deadlocked with those polls.
     */
    public Uni<List<SlaWarning>> markSlaWarned(Instant before, Instant now, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                update conversation set sla_warned_at = ?2 where id in (
                    select id from conversation
                    where sla_due_at is not null and sla_due_at < ?1 and sla_warned_at is null
                      and state in ('new', 'queued', 'assigned')
                    order by sla_due_at limit ?3 for update skip locked)
                returning id, centre, space, sla_due_at""", Object[].class)
                .setParameter(1, ts(before)).setParameter(2, ts(now)).setParameter(3, limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new SlaWarning((String) r[0], (String) r[1], (String) r[2],
                        instant(r[3]))).toList());
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }
}
