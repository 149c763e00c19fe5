package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.workspace.domain.AuditEntry;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.domain.Note;
import io.vigie.workspace.repository.ConversationLabelRepository;
import io.vigie.workspace.repository.ConversationViewRepository;
import io.vigie.workspace.repository.MessageViewRepository;
import io.vigie.workspace.repository.NoteRepository;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.FlushMode;

/** Business logic of the workspace: keeps the agents' view of conversations and answers their queries. */
@ApplicationScoped
public class ConversationService {

    /** States the workspace drives itself; a routing decision without a new message does not undo them. */
    private static final Set<String> AGENT_STATES = Set.of("assigned", "waiting_customer", "escalated", "resolved",
            "closed");

    private final ConversationViewRepository conversations;
    private final MessageViewRepository messages;
    private final NoteRepository notes;
    private final ConversationLabelRepository labels;
    private final AuditService audit;
    private final LiveUpdates live;

    public ConversationService(ConversationViewRepository conversations, MessageViewRepository messages,
            NoteRepository notes, ConversationLabelRepository labels, AuditService audit, LiveUpdates live) {
        this.conversations = conversations;
        this.messages = messages;
        this.notes = notes;
        this.labels = labels;
        this.audit = audit;
        this.live = live;
    }

    /**
     * Applies a routing decision (idempotent): upserts the conversation and inserts its triggering message once.
     * A decision without a message (clock, presence, supervisor) only updates the routing of a known conversation;
     * for an unknown one it fails, and the record goes to the dead-letter topic with the reason.
     */
    public Uni<ConversationView> apply(RoutingDecision decision) {
        return live.afterCommit(() -> Panache.withTransaction(() -> load(List.of(decision))
                .chain(known -> applyOne(decision, known))));
    }

    /**
     * Applies a poll's decisions in one transaction, one after the other in their order, as {@link #apply} would one
     * by one; if one fails, the whole batch is rolled back (the consumer then applies them one by one). The live
     * events of the batch are sent once it is committed: a rolled-back batch announces nothing, and its retry record by
     * record does not announce twice.
     */
    public Uni<Void> applyBatch(List<RoutingDecision> decisions) {
        // one flush at commit: a flush per new conversation dirty-checked every entity of the batch each time
        // (Hibernate's flush frames led the workspace's profile); the conversations and message keys of the poll are
        // read in two statements, not two per decision (ADR 0129)
        return live.afterCommit(() -> Panache.withTransaction(() -> Panache.getSession().invoke(s -> s.setFlushMode(FlushMode.COMMIT))
                .chain(() -> load(decisions))
                .chain(known -> Multi.createFrom().iterable(decisions).onItem()
                        .transformToUniAndConcatenate(d -> applyOne(d, known)).collect().last().replaceWithVoid())));
    }

    /**
     * What the workspace holds of a poll's decisions: their conversations, locked, and which of their messages it
     * has stored; kept up to date as the poll is applied.
     */
    private record Known(Map<String, ConversationView> conversations, Set<String> messageKeys) {
    }

    private Uni<Known> load(List<RoutingDecision> decisions) {
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (RoutingDecision d : decisions) {
            ids.add(d.conversationId());
            if (d.message() != null && d.message().mention() != null) {
                keys.add(d.message().mention().key());
            }
        }
        return conversations.lockAll(ids).chain(found -> messages.storedKeys(keys)
                .map(stored -> new Known(found, new HashSet<>(stored))));
    }

    /** Applies one decision in the current transaction; its live events go out once the transaction commits. */
    private Uni<ConversationView> applyOne(RoutingDecision decision, Known known) {
        ScoredMention scored = decision.message();
        Mention mention = scored == null ? null : scored.mention();
        Instant now = Instant.now();
        ConversationView existing = known.conversations().get(decision.conversationId());
        if (existing == null && mention == null) {
            // nothing to show and nothing to update: visible in the dead-letter topic rather than dropped
            return Uni.createFrom().failure(new IllegalArgumentException("a decision without a message for conversation "
                    + decision.conversationId() + ", which the workspace does not know"));
        }
        ConversationView c = existing != null ? existing : new ConversationView();
        if (existing == null) {
            c.id = decision.conversationId();
            c.network = mention.network();
            c.space = mention.space();
            c.createdAt = now;
            c.language = scored.language();
            c.state = decision.state();
        }
        // a decision without a centre (none may take it yet) leaves the centre it had; a new one stays unseen
        if (!c.transferred && (decision.centre() != null || existing == null)) {
            c.centre = decision.centre();
        }
        c.queue = decision.queue();
        c.priority = decision.priority();
        c.actionable = decision.actionable();
        c.routingReasons = String.join("\n", decision.reasons());
        if (decision.slaDueAt() != null && !decision.slaDueAt().equals(c.slaDueAt)) {
            c.slaWarnedAt = null;
        }
        c.slaDueAt = decision.slaDueAt();
        c.updatedAt = now;
        String assigned = decision.assignedAgent();
        boolean newAssignment = assigned != null && !assigned.equals(c.assignee) && !"closed".equals(c.state)
                && "assigned".equals(decision.state());
        if (newAssignment) {
            c.assignee = assigned;
            c.state = "assigned";
        } else if (mention == null && existing != null && !AGENT_STATES.contains(c.state)) {
            c.state = decision.state();
        }
        if (mention == null) {
            return Uni.createFrom().item(c).invoke(() -> announceAssignment(c, newAssignment));
        }
        c.lastAcceptedAt = mention.acceptedAt();
        if (scored.language() != null && !"und".equals(scored.language())) {
            c.language = scored.language();
        }
        if (existing == null) {
            known.conversations().put(c.id, c);
        }
        if (!known.messageKeys().add(mention.key())) {
            return existing == null ? conversations.persist(c) : Uni.createFrom().item(c);
        }
        if (existing != null) {
            c.state = c.assignee != null && !"closed".equals(c.state) && !"escalated".equals(c.state)
                    ? "assigned" : decision.state();
            if ("closed".equals(existing.state) || "resolved".equals(existing.state)) {
                c.assignee = newAssignment ? assigned : null;
                c.closedAt = null;
                c.resolvedAt = null;
            }
        }
        if (mention.threadId().equals(mention.nativeId()) || c.authorHandle == null) {
            c.authorHandle = mention.author() == null ? null : mention.author().handle();
        }
        if (c.firstMessageAt == null || mention.createdAt().isBefore(c.firstMessageAt)) {
            c.firstMessageAt = mention.createdAt();
        }
        c.lastText = mention.text();
        c.sentiment = scored.sentiment() == null ? null : scored.sentiment().label();
        c.topic = scored.topic();
        if (scored.productLine() != null) {
            c.productLine = scored.productLine();
        }
        c.messageCount++;
        MessageView m = new MessageView();
        m.mentionKey = mention.key();
        m.nativeId = mention.nativeId();
        m.inReplyTo = mention.inReplyTo();
        m.conversationId = c.id;
        m.direction = MessageView.INBOUND;
        m.authorHandle = mention.author() == null ? null : mention.author().handle();
        m.text = mention.text();
        m.language = scored.language();
        m.sentiment = c.sentiment;
        m.sentimentScore = scored.sentiment() == null ? null : scored.sentiment().score();
        m.createdAt = mention.createdAt();
        m.topic = scored.topic();
        m.urgency = scored.urgency();
        m.influence = scored.influence();
        m.segment = scored.segment();
        m.spam = scored.spam();
        m.signals = String.join(",", scored.signals());
        m.acceptedAt = mention.acceptedAt();
        m.storedAt = Instant.now();
        // persisted before its message: the session inserts them in that order when it flushes
        Uni<ConversationView> saved = existing == null ? conversations.persist(c) : Uni.createFrom().item(c);
        return saved.call(() -> messages.persist(m)).invoke(() -> {
            live.publish(LiveEvent.of("message", c.id, c.centre, c.space, m.mentionKey));
            announceAssignment(c, newAssignment);
        });
    }

    private void announceAssignment(ConversationView c, boolean newAssignment) {
        if (newAssignment) {
            live.publish(LiveEvent.of("assignment", c.id, c.centre, c.space, c.assignee));
        }
    }

    /** A centre's queue. */
    @WithSession
    public Uni<List<ConversationView>> queue(String centre, String queue, String state, int limit) {
        return conversations.queue(centre, queue, state, limit);
    }

    /** The conversations of a centre in the given spaces. */
    @WithSession
    public Uni<List<ConversationView>> inSpaces(String centre, List<String> spaces, int limit) {
        return conversations.inSpaces(centre, spaces, limit);
    }

    /** One conversation with its messages, notes, labels and history, or null if absent or of another centre. */
    @WithSession
    public Uni<ConversationDetail> detail(String id, String centre) {
        return conversations.findById(id).chain(c -> {
            if (c == null || (centre != null && !centre.equals(c.centre))) {
                return Uni.createFrom().nullItem();
            }
            return messages.ofConversation(id).chain(list -> notes.list("conversationId = ?1 order by createdAt, id", id)
                    .chain(n -> labels.list("conversationId = ?1 order by label", id)
                            .chain(l -> audit.ofConversation(id).map(h -> new ConversationDetail(c, list, n,
                                    l.stream().map(x -> x.label).toList(), h)))));
        });
    }

    /**
     * A conversation and everything an agent sees of it.
     *
     * @param conversation the conversation (routing reasons, scores, assignment, sentiment arc)
     * @param messages     every message both ways, with the delivery status of each reply
     * @param notes        internal notes
     * @param labels       labels
     * @param history      the audit of every action taken on it
     */
    public record ConversationDetail(ConversationView conversation, List<MessageView> messages, List<Note> notes,
            List<String> labels, List<AuditEntry> history) {
    }
}
