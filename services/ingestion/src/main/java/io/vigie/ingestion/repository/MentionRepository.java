package io.vigie.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.domain.MentionRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Data access to the accepted mentions. */
@ApplicationScoped
public class MentionRepository implements PanacheRepositoryBase<MentionRecord, String> {

    /** Mentions accepted before {@code before} that the broker has not acknowledged yet, oldest first. */
    public Uni<List<MentionRecord>> unpublished(Instant before, int limit) {
        return find("publishedAt is null and acceptedAt < ?1 order by acceptedAt", before).page(0, limit).list();
    }

    /** Records that the broker acknowledged the mention. */
    public Uni<Integer> markPublished(String key, Instant at) {
        return update("publishedAt = ?1 where key = ?2 and publishedAt is null", at, key);
    }

    /** Records that the broker acknowledged the mentions. */
    public Uni<Integer> markPublished(List<String> keys, Instant at) {
        return update("publishedAt = ?1 where key in ?2 and publishedAt is null", at, keys);
    }

    /** Which of {@code keys} are stored already. */
    public Uni<java.util.Set<String>> known(List<String> keys) {
        return getSession().chain(session -> session
                .createSelectionQuery("select m.key from MentionRecord m where m.key in (:keys)", String.class)
                .setParameter("keys", keys).getResultList())
                .map(java.util.Set::copyOf);
    }

    /** The most recently accepted mentions, newest first (for watchlist dry-runs). */
    public Uni<List<MentionRecord>> recent(int limit) {
        return find("order by acceptedAt desc").page(0, limit).list();
    }
}
