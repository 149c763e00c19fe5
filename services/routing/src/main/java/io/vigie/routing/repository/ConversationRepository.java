package io.vigie.routing.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.routing.domain.Conversation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data access to conversations, their messages and their transitions. Every method that returns conversations to
 * change locks their rows ({@code for update}, or {@code for update skip locked} for batch work), see ADR 0040.
 */
@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, String> {

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** The conversation, its row locked until the transaction ends. */
    public Uni<Conversation> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One conversation row to create if absent: its id, and what its first message tells of it. */
    public record NewConversation(String id, String network, String space, String authorId, String language) {
    }

    /**
     * Creates the conversation rows that do not exist yet, in one statement (another instance may race us); emits the
     * ids this call created.
     */
    public Uni<Set<String>> insertAllIfAbsent(List<NewConversation> rows, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into conversation (id, network, space, author_id, language, state, queue, priority, message_count,
                                          created_at, updated_at)
                select id, network, space, author_id, language, 'new', 'unrouted', 0, 0, ?6, ?6
                from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as varchar[]),
                            cast(?5 as varchar[])) with ordinality as r(id, network, space, author_id, language, n)
                order by n
                on conflict do nothing returning id""", String.class)
                .setParameter(1, rows.stream().map(NewConversation::id).toArray(String[]::new))
                .setParameter(2, rows.stream().map(NewConversation::network).toArray(String[]::new))
                .setParameter(3, rows.stream().map(NewConversation::space).toArray(String[]::new))
                .setParameter(4, rows.stream().map(NewConversation::authorId).toArray(String[]::new))
                .setParameter(5, rows.stream().map(NewConversation::language).toArray(String[]::new))
                .setParameter(6, ts(now))
                .getResultList())
                .map(HashSet::new);
    }

    /** The conversations with these ids, their rows locked until the transaction ends, locked in id order. */
    public Uni<Map<String, Conversation>> lockAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return lockMany("select * from conversation where id = any(?1) order by id for update",
                (Object) ids.toArray(String[]::new))
                .map(list -> {
                    Map<String, Conversation> byId = new HashMap<>();
                    list.forEach(c -> byId.put(c.id, c));
                    return byId;
                });
    }

    /** One message to thread into its conversation. */
    public record NewMessage(String mentionKey, String conversationId, Instant createdAt) {
    }

    /**
     * Threads messages into their conversations in one statement; emits the keys of those that were not threaded
     * before (the others are redeliveries). A key twice in {@code rows} is threaded once.
     */
    public Uni<Set<String>> addMessages(List<NewMessage> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into conversation_message (mention_key, conversation_id, created_at)
                select k, c, cast(t as timestamptz)
                from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[])) with ordinality as r(k, c, t, n)
                order by n
                on conflict do nothing returning mention_key""", String.class)
                .setParameter(1, rows.stream().map(NewMessage::mentionKey).toArray(String[]::new))
                .setParameter(2, rows.stream().map(NewMessage::conversationId).toArray(String[]::new))
                .setParameter(3, rows.stream().map(m -> m.createdAt() == null ? null : m.createdAt().toString())
                        .toArray(String[]::new))
                .getResultList())
                .map(HashSet::new);
    }

    /** One state change (or routing change within one state) to record. */
    public record NewTransition(String conversationId, String from, String to, String reason, Instant at) {
    }

    /** Records state changes in one statement, in the given order (their sequence numbers follow it). */
    public Uni<Integer> recordTransitions(List<NewTransition> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into conversation_transition (conversation_id, from_state, to_state, reason, at)
                select c, f, t, r, cast(a as timestamptz)
                from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[]), cast(?4 as text[]),
                            cast(?5 as varchar[])) with ordinality as u(c, f, t, r, a, n)
                order by n""")
                .setParameter(1, rows.stream().map(NewTransition::conversationId).toArray(String[]::new))
                .setParameter(2, rows.stream().map(NewTransition::from).toArray(String[]::new))
                .setParameter(3, rows.stream().map(NewTransition::to).toArray(String[]::new))
                .setParameter(4, rows.stream().map(NewTransition::reason).toArray(String[]::new))
                .setParameter(5, rows.stream().map(t -> t.at().toString()).toArray(String[]::new))
                .executeUpdate());
    }

    /** One recorded transition. */
    public record Transition(long seq, String from, String to, String reason, Instant at) {
    }

    /** The transitions of a conversation, oldest first. */
    public Uni<List<Transition>> transitions(String conversationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, from_state, to_state, reason, at from conversation_transition
                where conversation_id = ?1 order by id""", Object[].class)
                .setParameter(1, conversationId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Transition(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], (String) r[3], toInstant(r[4]))).toList());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        return (Instant) value;
    }

    private Uni<List<Conversation>> lockMany(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Conversation.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i] instanceof Instant at ? ts(at) : params[i]);
            }
            return q.getResultList();
        });
    }

    /** Queued actionable conversations of a centre, highest priority then earliest arrival first, skipping locked ones. */
    public Uni<List<Conversation>> lockQueued(String centre, int limit) {
        return lockMany("""
                select * from conversation where centre = ?1 and state = 'queued' and actionable
                order by priority desc, arrival limit ?2 for update skip locked""", centre, limit);
    }

    /** The conversations an agent holds, in arrival order, locked. */
    public Uni<List<Conversation>> lockAssignedTo(String agentId) {
        return lockMany("""
                select * from conversation where assigned_agent = ?1 and state = 'assigned'
                order by arrival for update""", agentId);
    }

    /** Conversations whose next-response or resolution SLA passed since their last escalation. */
    public Uni<List<Conversation>> lockBreached(Instant now, int limit) {
        return lockMany("""
                select * from conversation where state in ('queued', 'assigned') and actionable
                  and ((sla_due_at <= ?1 and (escalated_at is null or escalated_at < sla_due_at))
                    or (resolution_due_at <= ?1 and (escalated_at is null or escalated_at < resolution_due_at)))
                order by arrival limit ?2 for update skip locked""", now, limit);
    }

    /** Queued conversations that waited in a skill queue since before {@code before}. */
    public Uni<List<Conversation>> lockToWiden(Instant before, int limit) {
        return lockMany("""
                select * from conversation where state = 'queued' and actionable and not widened and queue <> 'general'
                  and queued_at <= ?1
                order by arrival limit ?2 for update skip locked""", before, limit);
    }

    /**
     * A conversation the clock may route again, as read without a lock: where it is, and whether its hand-off lease
     * lapsed by the time asked.
     */
    public record RerouteCandidate(String id, long arrival, String language, String space, String centre,
            boolean leaseLapsed) {
    }

    /**
     * Queued conversations to route again, those whose hand-off lease lapsed and those waiting in a centre that cannot
     * take work now, in arrival order after {@code after}: a step of a round through them all, so that those no centre
     * can take now do not hold back the others (ADR 0139, V3's indexes). Read without locks: most of them stay where
     * they are, and a lock would hold back the consumer's poll that threads a message into one of them.
     */
    public Uni<List<RerouteCandidate>> queuedToReroute(Instant now, List<String> unavailableCentres, long after, int limit) {
        return candidates("""
                select id, arrival, language, space, centre, coalesce(lease_expires_at <= ?1, false) from conversation
                where actionable and state = 'queued' and (lease_expires_at <= ?1 or centre = any(?2)) and arrival > ?3
                order by arrival limit ?4""", ts(now), unavailableCentres.toArray(String[]::new), after, limit);
    }

    /**
     * Actionable conversations no centre took yet (no configuration covered them), in arrival order after
     * {@code after}: a step of a round through them all (index conversation_unplaced, V3), read without locks.
     */
    public Uni<List<RerouteCandidate>> unplaced(long after, int limit) {
        return candidates("""
                select id, arrival, language, space, centre, false from conversation
                where actionable and state = 'new' and centre is null and arrival > ?1
                order by arrival limit ?2""", after, limit);
    }

    /**
     * Locks these conversations if they are still queued or unplaced, skipping those another transaction holds (the
     * next round takes them).
     */
    public Uni<List<Conversation>> lockToReroute(List<String> ids) {
        return lockMany("""
                select * from conversation where id = any(?1) and actionable
                  and (state = 'queued' or (state = 'new' and centre is null))
                order by id for update skip locked""", (Object) ids.toArray(String[]::new));
    }

    private Uni<List<RerouteCandidate>> candidates(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new RerouteCandidate((String) r[0], ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], (Boolean) r[5])).toList());
    }

    /** Assigned conversations, handed off, whose lease lapsed: renewed while they are worked. */
    public Uni<List<Conversation>> lockAssignedLeases(Instant now, int limit) {
        return lockMany("""
                select * from conversation where state = 'assigned' and lease_expires_at <= ?1
                order by arrival limit ?2 for update skip locked""", now, limit);
    }

    /** Centres that have queued actionable conversations. */
    public Uni<List<String>> centresWithQueue() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select distinct centre from conversation where state = 'queued' and actionable and centre is not null",
                String.class).getResultList());
    }

    /** How many conversations each of these agents holds. */
    public Uni<Map<String, Integer>> loads(List<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select assigned_agent, count(*) from conversation where state = 'assigned' and assigned_agent = any(?1)
                group by assigned_agent""", Object[].class)
                .setParameter(1, agentIds.toArray(String[]::new))
                .getResultList())
                .map(rows -> {
                    Map<String, Integer> loads = new HashMap<>();
                    rows.forEach(r -> loads.put((String) r[0], ((Number) r[1]).intValue()));
                    return loads;
                });
    }
}
