package io.vigie.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.domain.OutboundReplyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Data access to the outbound replies. */
@ApplicationScoped
public class OutboundReplyRepository implements PanacheRepositoryBase<OutboundReplyRecord, String> {

    /** Pending replies whose next attempt is due, oldest first. */
    public Uni<List<OutboundReplyRecord>> due(Instant now, int limit) {
        return find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", OutboundReplyRecord.PENDING, now)
                .page(0, limit).list();
    }

    /** Moves a reply from pending to posting; 1 if this caller won it, 0 if someone else did. */
    public Uni<Integer> claim(String replyId, Instant now) {
        return update("status = ?1, attempts = attempts + 1, updatedAt = ?2 where replyId = ?3 and status = ?4",
                OutboundReplyRecord.POSTING, now, replyId, OutboundReplyRecord.PENDING);
    }

    /** Replies left in posting by a process that died (older than {@code before}). */
    public Uni<List<OutboundReplyRecord>> stuck(Instant before, int limit) {
        return find("status = ?1 and updatedAt < ?2", OutboundReplyRecord.POSTING, before).page(0, limit).list();
    }

    /** Final replies whose receipt the broker has not acknowledged yet. */
    public Uni<List<OutboundReplyRecord>> receiptsToPublish(Instant before, int limit) {
        return find("receiptPublishedAt is null and status in (?1, ?2) and updatedAt < ?3 order by updatedAt",
                OutboundReplyRecord.DELIVERED, OutboundReplyRecord.FAILED, before).page(0, limit).list();
    }

    public Uni<Integer> markReceiptPublished(String replyId, Instant at) {
        return update("receiptPublishedAt = ?1 where replyId = ?2 and receiptPublishedAt is null", at, replyId);
    }
}
