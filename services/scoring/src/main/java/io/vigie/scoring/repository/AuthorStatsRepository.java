package io.vigie.scoring.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigie.scoring.domain.AuthorHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data access to the scored-mention ledger and author statistics, one statement per batch. Each statement has one
 * text whatever the batch's size (its rows travel as arrays): a text per size filled Hibernate's query plan cache with
 * up to 2,048 plans of up to 1,500 parameters each, churned through the old generation, and made PostgreSQL plan a
 * new statement per size.
 */
@ApplicationScoped
public class AuthorStatsRepository {

    /** One author's new mentions in a batch. */
    public record AuthorIncrement(String authorKey, long mentions, long helpfulAnswers) {
    }

    /** Records that these keys were scored; emits the keys that were new (the others are redeliveries). */
    public Uni<Set<String>> markScored(List<String> keys, Instant at) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into scored_mention (key, scored_at)
                select k, ?2 from unnest(cast(?1 as varchar[])) as r(k)
                on conflict do nothing returning key""", String.class)
                .setParameter(1, keys.toArray(String[]::new))
                .setParameter(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .getResultList())
                .map(HashSet::new);
    }

    /**
     * Adds the increments (one per author) and emits every author's history after them. Rows are written in key order,
     * so that two scorers counting the same authors lock their rows in the same order and never deadlock.
     */
    public Uni<Map<String, AuthorHistory>> count(List<AuthorIncrement> increments, Instant at) {
        if (increments.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into author_stats (author_key, mentions, helpful_answers, last_seen_at)
                select k, m, h, ?4 from unnest(cast(?1 as varchar[]), cast(?2 as bigint[]), cast(?3 as bigint[])) as r(k, m, h)
                order by k
                on conflict (author_key) do update set mentions = author_stats.mentions + excluded.mentions,
                   helpful_answers = author_stats.helpful_answers + excluded.helpful_answers,
                   last_seen_at = greatest(author_stats.last_seen_at, excluded.last_seen_at)
                returning author_key, mentions, helpful_answers""", Object[].class)
                .setParameter(1, increments.stream().map(AuthorIncrement::authorKey).toArray(String[]::new))
                .setParameter(2, increments.stream().map(AuthorIncrement::mentions).toArray(Long[]::new))
                .setParameter(3, increments.stream().map(AuthorIncrement::helpfulAnswers).toArray(Long[]::new))
                .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .getResultList())
                .map(AuthorStatsRepository::histories);
    }

    /** The histories of these authors, without counting anything (unknown authors are absent). */
    public Uni<Map<String, AuthorHistory>> histories(Set<String> authorKeys) {
        if (authorKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select author_key, mentions, helpful_answers from author_stats where author_key = any(?1)",
                Object[].class)
                .setParameter(1, authorKeys.toArray(String[]::new))
                .getResultList())
                .map(AuthorStatsRepository::histories);
    }

    private static Map<String, AuthorHistory> histories(List<Object[]> rows) {
        Map<String, AuthorHistory> out = new HashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], new AuthorHistory(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return out;
    }
}
