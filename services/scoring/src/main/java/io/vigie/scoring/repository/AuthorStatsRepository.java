package io.vigie.scoring.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Data access to scored-mention ledger and author statistics. */
@ApplicationScoped
public class AuthorStatsRepository {

    /** Records that {@code key} was scored; emits false when it had been already (a redelivery). */
    public Uni<Boolean> markScored(String key, Instant at) {
        return Panache.getSession().chain(s -> s
                .createNativeQuery("insert into scored_mention (key, scored_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, key)
                .setParameter(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate())
                .map(n -> n > 0);
    }

    /** Counts one more mention by the author and emits how many there are now. */
    public Uni<Long> countMention(String authorKey, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into author_stats (author_key, mentions, last_seen_at) values (?1, 1, ?2)
                on conflict (author_key) do update set mentions = author_stats.mentions + 1,
                    last_seen_at = greatest(author_stats.last_seen_at, excluded.last_seen_at)
                returning mentions""", Long.class)
                .setParameter(1, authorKey)
                .setParameter(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .getSingleResult());
    }

    /** How many mentions the author has, without counting a new one. */
    public Uni<Long> mentions(String authorKey) {
        return Panache.getSession().chain(s -> s
                .createNativeQuery("select coalesce((select mentions from author_stats where author_key = ?1), 0)", Long.class)
                .setParameter(1, authorKey)
                .getSingleResult());
    }
}
