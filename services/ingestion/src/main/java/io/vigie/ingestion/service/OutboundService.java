package io.vigie.ingestion.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Reply;
import io.vigie.ingestion.client.PostOutcome;
import io.vigie.ingestion.client.ReplyPosters;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.domain.OutboundReplyRecord;
import io.vigie.ingestion.messaging.ReceiptPublisher;
import io.vigie.ingestion.repository.OutboundReplyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Posts replies at most once each: a reply id is stored once (the idempotency ledger, kept across restarts), claimed
 * before each attempt, retried with exponential backoff on transient failures, and ends delivered or failed with a
 * receipt on replies.receipts. A reply whose attempt was cut by a crash is reported failed, never posted again.
 */
@ApplicationScoped
public class OutboundService {

    private static final Logger LOG = Logger.getLogger(OutboundService.class);
    private static final int BATCH = 20;

    private final OutboundReplyRepository repository;
    private final ReplyPosters posters;
    private final ReceiptPublisher receipts;
    private final IngestionConfig.Outbound config;
    private final MeterRegistry metrics;

    public OutboundService(OutboundReplyRepository repository, ReplyPosters posters, ReceiptPublisher receipts,
            IngestionConfig config, MeterRegistry metrics) {
        this.repository = repository;
        this.posters = posters;
        this.receipts = receipts;
        this.config = config.outbound();
        this.metrics = metrics;
    }

    /** Records a reply to post; a reply id already known is not recorded again (its receipt, if final, is re-sent). */
    public Uni<Void> enqueue(Reply reply) {
        return Panache.withTransaction(() -> repository.findById(reply.replyId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            OutboundReplyRecord r = new OutboundReplyRecord();
            r.replyId = reply.replyId();
            r.conversationId = reply.conversationId();
            r.network = reply.network();
            r.space = reply.space();
            r.inReplyTo = reply.inReplyTo();
            r.text = reply.text();
            r.status = OutboundReplyRecord.PENDING;
            r.attempts = 0;
            r.receivedAt = Instant.now();
            r.updatedAt = r.receivedAt;
            r.nextAttemptAt = r.receivedAt;
            return repository.persist(r).replaceWith((OutboundReplyRecord) null);
        })).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().voidItem();
            }
            LOG.infof("Reply %s received again (status %s): not posted again", existing.replyId, existing.status);
            metrics.counter("vigie.ingestion.replies", "outcome", "redelivered").increment();
            return isFinal(existing) ? sendReceipt(existing) : Uni.createFrom().voidItem();
        });
    }

    /** One pass: fail replies cut by a crash, then attempt every due reply, one after the other. */
    @Scheduled(every = "${vigie.ingestion.outbound.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatch() {
        Instant now = Instant.now();
        Uni<Void> stuck = Panache.withSession(() -> repository.stuck(now.minus(config.timeout().multipliedBy(3)), BATCH))
                .onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                .onItem().transformToUniAndConcatenate(r -> finish(r.replyId, OutboundReplyRecord.FAILED, null,
                        "outcome unknown: the service stopped while posting; not re-posted to avoid a duplicate "
                                + "(check the thread, then send again)"))
                .collect().last().replaceWithVoid();
        Uni<Void> due = Panache.withSession(() -> repository.due(now, BATCH))
                .onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                .onItem().transformToUniAndConcatenate(this::attempt)
                .collect().last().replaceWithVoid();
        Uni<Void> unsent = Panache.withSession(() -> repository.receiptsToPublish(now.minusSeconds(10), BATCH))
                .onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                .onItem().transformToUniAndConcatenate(this::sendReceipt)
                .collect().last().replaceWithVoid();
        // A stuck pass must not block the next ones for ever (SKIP would skip them all); a legitimate pass makes at
        // most BATCH attempts of at most one timeout each.
        return stuck.chain(() -> due).chain(() -> unsent)
                .ifNoItem().after(config.timeout().multipliedBy(BATCH + 3)).fail()
                .onFailure().invoke(e -> LOG.warn("Outbound pass failed; the next pass retries", e))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> attempt(OutboundReplyRecord pending) {
        return Panache.withTransaction(() -> repository.claim(pending.replyId, Instant.now())).chain(won -> {
            if (won == 0) {
                return Uni.createFrom().voidItem();
            }
            int attempt = pending.attempts + 1;
            return posters.post(pending).chain(outcome -> {
                if (outcome instanceof PostOutcome.Delivered d) {
                    return finish(pending.replyId, OutboundReplyRecord.DELIVERED, d.networkId(), null);
                }
                if (outcome instanceof PostOutcome.Failed f) {
                    return finish(pending.replyId, OutboundReplyRecord.FAILED, null, f.reason());
                }
                PostOutcome.Retry r = (PostOutcome.Retry) outcome;
                return attempt >= config.maxAttempts()
                        ? finish(pending.replyId, OutboundReplyRecord.FAILED, null, "gave up after " + attempt + " attempts: " + r.reason())
                        : retryLater(pending.replyId, attempt, r);
            });
        });
    }

    private Uni<Void> retryLater(String replyId, int attempt, PostOutcome.Retry retry) {
        Duration wait = backoff(attempt);
        Instant next = Instant.now().plus(wait);
        if (retry.notBefore() != null && retry.notBefore().isAfter(next)) {
            next = retry.notBefore();
        }
        Instant at = next;
        LOG.infof("Reply %s: attempt %d failed (%s); next attempt at %s", replyId, attempt, retry.reason(), at);
        metrics.counter("vigie.ingestion.replies", "outcome", "retried").increment();
        return Panache.withTransaction(() -> repository.findById(replyId).invoke(r -> {
            r.status = OutboundReplyRecord.PENDING;
            r.lastError = retry.reason();
            r.nextAttemptAt = at;
            r.updatedAt = Instant.now();
        })).replaceWithVoid();
    }

    /** Exponential backoff: initial, 2x, 4x... capped at the maximum. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = config.initialBackoff().multipliedBy(factor);
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    private Uni<Void> finish(String replyId, String status, String networkId, String reason) {
        return Panache.withTransaction(() -> repository.findById(replyId).invoke(r -> {
            r.status = status;
            r.networkId = networkId;
            r.lastError = reason;
            r.updatedAt = Instant.now();
        })).invoke(r -> metrics.counter("vigie.ingestion.replies", "outcome", status).increment())
                .chain(this::sendReceipt);
    }

    private Uni<Void> sendReceipt(OutboundReplyRecord r) {
        DeliveryReceipt receipt = new DeliveryReceipt(DeliveryReceipt.VERSION, r.replyId, r.conversationId,
                OutboundReplyRecord.DELIVERED.equals(r.status) ? DeliveryReceipt.DELIVERED : DeliveryReceipt.FAILED,
                r.networkId, r.lastError, r.attempts, r.updatedAt);
        return receipts.publish(receipt)
                .ifNoItem().after(config.timeout()).fail()
                .chain(() -> Panache.withTransaction(() -> repository.markReceiptPublished(r.replyId, Instant.now())))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf(e, "Receipt of reply %s not yet published; will retry", r.replyId))
                .onFailure().recoverWithNull();
    }

    private static boolean isFinal(OutboundReplyRecord r) {
        return OutboundReplyRecord.DELIVERED.equals(r.status) || OutboundReplyRecord.FAILED.equals(r.status);
    }
}
