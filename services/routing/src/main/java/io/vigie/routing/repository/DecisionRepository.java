package io.vigie.routing.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The decision log, which is also the outbox of conversations.routed (ADR 0041). */
@ApplicationScoped
public class DecisionRepository {

    /** A stored decision: its sequence number, conversation and JSON. */
    public record StoredDecision(long id, String conversationId, String payload) {
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** A decision to store: its conversation and JSON. */
    public record NewDecision(String conversationId, String payload) {
    }

    /**
     * Stores decisions, unpublished, in one statement; emits them with their ids, in the given order (their ids
     * follow it: rows are numbered as the ordered select produces them).
     */
    public Uni<List<StoredDecision>> insertAll(List<NewDecision> rows, Instant now) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into routing_decision (conversation_id, payload, created_at)
                select c, p, ?3 from unnest(cast(?1 as varchar[]), cast(?2 as text[])) with ordinality as u(c, p, n)
                order by n returning id""", Long.class)
                .setParameter(1, rows.stream().map(NewDecision::conversationId).toArray(String[]::new))
                .setParameter(2, rows.stream().map(NewDecision::payload).toArray(String[]::new))
                .setParameter(3, ts(now))
                .getResultList())
                .map(ids -> {
                    long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
                    if (sorted.length != rows.size()) {
                        throw new IllegalStateException(rows.size() + " decisions stored as " + sorted.length);
                    }
                    List<StoredDecision> stored = new ArrayList<>(rows.size());
                    for (int i = 0; i < sorted.length; i++) {
                        stored.add(new StoredDecision(sorted[i], rows.get(i).conversationId(), rows.get(i).payload()));
                    }
                    return stored;
                });
    }

    /** Marks decisions as acknowledged by the broker. */
    public Uni<Integer> markPublished(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                update routing_decision set published_at = ?1 where id = any(?2) and published_at is null""")
                .setParameter(1, ts(now)).setParameter(2, ids.toArray(Long[]::new))
                .executeUpdate());
    }

    /** Unpublished decisions stored before {@code before}, oldest first, skipping those another instance is sending. */
    public Uni<List<StoredDecision>> lockUnpublished(Instant before, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select id, conversation_id, payload from routing_decision where published_at is null and created_at <= ?1
                order by id limit ?2 for update skip locked""", Object[].class)
                .setParameter(1, ts(before)).setParameter(2, limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new StoredDecision(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2])).toList());
    }

    /** The latest decision of a conversation, if any. */
    public Uni<String> latest(String conversationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select payload from routing_decision where conversation_id = ?1 order by id desc limit 1""", String.class)
                .setParameter(1, conversationId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
