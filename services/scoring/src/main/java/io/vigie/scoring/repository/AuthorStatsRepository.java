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

/** Data access to the scored-mention ledger and author statistics, one statement per batch. */
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
        StringBuilder sql = new StringBuilder("insert into scored_mention (key, scored_at) values ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(i + 2).append(", ?1)");
        }
        sql.append(" on conflict do nothing returning key");
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString(), String.class)
                    .setParameter(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            for (int i = 0; i < keys.size(); i++) {
                query.setParameter(i + 2, keys.get(i));
            }
            return query.getResultList();
        }).map(HashSet::new);
    }

    /** Adds the increments and emits every author's history after them. */
    public Uni<Map<String, AuthorHistory>> count(List<AuthorIncrement> increments, Instant at) {
        if (increments.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        StringBuilder sql = new StringBuilder("insert into author_stats (author_key, mentions, helpful_answers, last_seen_at) values ");
        for (int i = 0; i < increments.size(); i++) {
            int p = 2 + 3 * i;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p).append(", ?").append(p + 1).append(", ?").append(p + 2)
                    .append(", ?1)");
        }
        sql.append("""
                 on conflict (author_key) do update set mentions = author_stats.mentions + excluded.mentions,
                    helpful_answers = author_stats.helpful_answers + excluded.helpful_answers,
                    last_seen_at = greatest(author_stats.last_seen_at, excluded.last_seen_at)
                returning author_key, mentions, helpful_answers""");
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString(), Object[].class)
                    .setParameter(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            for (int i = 0; i < increments.size(); i++) {
                AuthorIncrement inc = increments.get(i);
                query.setParameter(2 + 3 * i, inc.authorKey());
                query.setParameter(3 + 3 * i, inc.mentions());
                query.setParameter(4 + 3 * i, inc.helpfulAnswers());
            }
            return query.getResultList();
        }).map(AuthorStatsRepository::histories);
    }

    /** The histories of these authors, without counting anything (unknown authors are absent). */
    public Uni<Map<String, AuthorHistory>> histories(Set<String> authorKeys) {
        if (authorKeys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> keys = List.copyOf(authorKeys);
        StringBuilder sql = new StringBuilder("select author_key, mentions, helpful_answers from author_stats where author_key in (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        sql.append(')');
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString(), Object[].class);
            for (int i = 0; i < keys.size(); i++) {
                query.setParameter(i + 1, keys.get(i));
            }
            return query.getResultList();
        }).map(AuthorStatsRepository::histories);
    }

    private static Map<String, AuthorHistory> histories(List<Object[]> rows) {
        Map<String, AuthorHistory> out = new HashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], new AuthorHistory(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return out;
    }
}
