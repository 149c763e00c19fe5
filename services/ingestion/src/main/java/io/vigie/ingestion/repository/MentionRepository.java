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

    /** The most recently accepted mentions, newest first (for watchlist dry-runs). */
    public Uni<List<MentionRecord>> recent(int limit) {
        return find("order by acceptedAt desc").page(0, limit).list();
    }
}
