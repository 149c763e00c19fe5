package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.config.WorkspaceConfig;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.domain.SentimentArc;
import io.vigie.workspace.messaging.OutboundEvents;
import io.vigie.workspace.repository.ConversationViewRepository;
import io.vigie.workspace.repository.MessageViewRepository;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The workspace's outbox and clocks (ADR 0050): sends again the replies and closed conversations the broker has
 * not acknowledged, and warns the agents before a response falls due.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** Conversations warned per run at most; the rest are warned at the next runs (every few seconds). */
    static final int SLA_WARNINGS_PER_RUN = 1_000;

    private final ReplyService replies;
    private final ConversationViewRepository conversations;
    private final MessageViewRepository messages;
    private final OutboundEvents events;
    private final LiveUpdates live;
    private final WorkspaceConfig config;

    public Outbox(ReplyService replies, ConversationViewRepository conversations, MessageViewRepository messages,
            OutboundEvents events, LiveUpdates live, WorkspaceConfig config) {
        this.replies = replies;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.live = live;
        this.config = config;
    }

    /** Publishes the ConversationClosed event of a closed conversation and marks it sent. */
    public Uni<Void> publishClosed(String id) {
        return Panache.withSession(() -> conversations.findById(id).chain(c -> messages.ofConversation(id).map(all -> {
            SentimentArc arc = SentimentArc.of(all);
            return AgentActionService.closedEvent(c, arc == null ? 0 : arc.customerMessages(),
                    arc == null ? (int) all.stream().filter(m -> MessageView.OUTBOUND.equals(m.direction)).count()
                            : arc.replies());
        }))).chain(events::closed).chain(() -> markClosedPublished(id))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "closed conversation %s not published yet; the outbox will retry", id);
                    return Uni.createFrom().voidItem();
                });
    }

    @WithTransaction
    Uni<Void> markClosedPublished(String id) {
        return conversations.update("closedPublishedAt = ?1 where id = ?2", Instant.now(), id).replaceWithVoid();
    }

    @Scheduled(every = "${vigie.workspace.outbox-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    Uni<Void> flush() {
        Instant before = Instant.now().minus(config.republishAfter());
        Uni<Void> pendingReplies = replies.unpublished().onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                .onItem().transformToUniAndConcatenate(replies::publish).collect().asList().replaceWithVoid();
        Uni<Void> pendingClosed = Panache.withSession(() -> conversations.list(
                "state = 'closed' and closedPublishedAt is null and closedAt < ?1", before))
                .onItem().transformToMulti(l -> Multi.createFrom().iterable(l))
                .onItem().transformToUniAndConcatenate(c -> publishClosed(c.id)).collect().asList().replaceWithVoid();
        return pendingReplies.chain(() -> pendingClosed).chain(this::warnSla)
                .onFailure().recoverWithUni(e -> {
                    // The next run retries; nothing is marked sent that the broker did not acknowledge.
                    LOG.warnf("outbox run failed, retrying at the next one: %s", e.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Warns once per due date the centres whose conversations will miss their response time soon. */
    Uni<Void> warnSla() {
        Instant soon = Instant.now().plus(config.slaWarningBefore());
        return Panache.withTransaction(() -> conversations.markSlaWarned(soon, Instant.now(), SLA_WARNINGS_PER_RUN))
                .invoke(list -> {
                    for (var w : list) {
                        live.publish(LiveEvent.of("sla_warning", w.id(), w.centre(), w.space(), "due at " + w.dueAt()));
                    }
                }).replaceWithVoid();
    }
}
