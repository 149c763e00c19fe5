package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Sentiment;
import io.vigie.workspace.domain.ConversationLabel;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.Note;
import io.vigie.workspace.domain.SentimentArc;
import io.vigie.workspace.repository.ConversationLabelRepository;
import io.vigie.workspace.repository.ConversationViewRepository;
import io.vigie.workspace.repository.MessageViewRepository;
import io.vigie.workspace.repository.NoteRepository;
import io.vigie.workspace.security.Actor;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Set;

/** The agents' and supervisors' actions on a conversation of their centre; every one is audited. */
@ApplicationScoped
public class AgentActionService {

    /** Internal teams a conversation can be escalated to. */
    public static final Set<String> TEAMS = Set.of("support", "marketing", "b2b");

    private final ConversationViewRepository conversations;
    private final MessageViewRepository messages;
    private final NoteRepository notes;
    private final ConversationLabelRepository labels;
    private final AuditService audit;
    private final LiveUpdates live;

    public AgentActionService(ConversationViewRepository conversations, MessageViewRepository messages,
            NoteRepository notes, ConversationLabelRepository labels, AuditService audit, LiveUpdates live) {
        this.conversations = conversations;
        this.messages = messages;
        this.notes = notes;
        this.labels = labels;
        this.audit = audit;
        this.live = live;
    }

    /** The conversation if it belongs to the actor's centre; otherwise a 404 problem. */
    public Uni<ConversationView> load(String id, Actor actor) {
        return conversations.findById(id).onItem().transform(c -> {
            if (c == null || !actor.centre().equals(c.centre)) {
                throw Problems.notFound("no conversation " + id + " in your centre");
            }
            return c;
        });
    }

    /**
     * The conversation, locked for the rest of the transaction ({@code select … for update}), if it belongs to the
     * actor's centre: concurrent actions and routing updates on one conversation then apply one after the other.
     */
    public Uni<ConversationView> loadForUpdate(String id, Actor actor) {
        return conversations.findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().transform(c -> {
            if (c == null || !actor.centre().equals(c.centre)) {
                throw Problems.notFound("no conversation " + id + " in your centre");
            }
            return c;
        });
    }

    /** Refuses the action when another agent holds the conversation (supervisors may act on any). */
    static void requireHolderOrFree(ConversationView c, Actor actor) {
        if (c.assignee != null && !c.assignee.equals(actor.name()) && !actor.supervisor()) {
            throw Problems.conflict("conversation " + c.id + " is held by " + c.assignee);
        }
    }

    static void requireOpen(ConversationView c) {
        if ("closed".equals(c.state)) {
            throw Problems.conflict("conversation " + c.id + " is closed");
        }
    }

    @WithTransaction
    public Uni<ConversationView> claim(String id, Actor actor) {
        return load(id, actor).chain(c -> conversations.claim(id, actor.centre(), actor.name(), Instant.now())
                .chain(n -> {
                    if (n == 0) {
                        throw Problems.conflict("conversation " + id + " is " + c.state
                                + (c.assignee == null ? "" : ", held by " + c.assignee));
                    }
                    // The guarded update won (it holds the row lock): bring the loaded entity in line with it.
                    c.assignee = actor.name();
                    c.state = "assigned";
                    return audit.record(actor, "claim", id, null);
                })
                .replaceWith(c)
                .invoke(x -> live.publish(LiveEvent.of("assignment", id, x.centre, x.space, x.assignee))));
    }

    @WithTransaction
    public Uni<ConversationView> release(String id, Actor actor) {
        return loadForUpdate(id, actor).chain(c -> {
            requireOpen(c);
            if (c.assignee == null) {
                throw Problems.conflict("conversation " + id + " is not held by anyone");
            }
            requireHolderOrFree(c, actor);
            String was = c.assignee;
            c.assignee = null;
            c.state = "queued";
            c.updatedAt = Instant.now();
            return audit.record(actor, "release", id, "was held by " + was)
                    .invoke(() -> live.publish(LiveEvent.of("assignment", id, c.centre, c.space, null))).replaceWith(c);
        });
    }

    /** Gives the conversation to another agent of the centre, or (supervisors only) to another centre's queue. */
    @WithTransaction
    public Uni<ConversationView> transfer(String id, Actor actor, String toAgent, String toCentre, String reason) {
        if ((toAgent == null) == (toCentre == null)) {
            throw Problems.badRequest("give exactly one of toAgent and toCentre");
        }
        if (toCentre != null && !actor.supervisor()) {
            throw Problems.forbidden("only a supervisor may transfer a conversation to another centre");
        }
        return loadForUpdate(id, actor).chain(c -> {
            requireOpen(c);
            requireHolderOrFree(c, actor);
            String from = c.centre;
            if (toAgent != null) {
                c.assignee = toAgent;
                c.state = "assigned";
            } else {
                if (toCentre.equals(c.centre)) {
                    throw Problems.badRequest("the conversation is already in " + toCentre);
                }
                c.centre = toCentre;
                c.transferred = true;
                c.assignee = null;
                c.state = "queued";
            }
            c.updatedAt = Instant.now();
            String detail = (toAgent != null ? "to agent " + toAgent : "from centre " + from + " to centre " + toCentre)
                    + (reason == null ? "" : ": " + reason);
            return audit.record(actor, "transfer", id, detail).invoke(() -> {
                live.publish(LiveEvent.of("assignment", id, c.centre, c.space, c.assignee));
                if (toCentre != null) {
                    live.publish(LiveEvent.of("state", id, from, c.space, "transferred to " + toCentre));
                }
            }).replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<Note> note(String id, Actor actor, String text) {
        return load(id, actor).chain(c -> {
            Note n = new Note();
            n.conversationId = id;
            n.author = actor.name();
            n.text = text;
            n.createdAt = Instant.now();
            return notes.persist(n).call(() -> audit.record(actor, "note", id, null));
        });
    }

    @WithTransaction
    public Uni<Void> addLabel(String id, Actor actor, String label) {
        return load(id, actor).chain(c -> labels.count("conversationId = ?1 and label = ?2", id, label).chain(n -> {
            if (n > 0) {
                return Uni.createFrom().voidItem();
            }
            ConversationLabel l = new ConversationLabel();
            l.conversationId = id;
            l.label = label;
            return labels.persist(l).call(() -> audit.record(actor, "label_add", id, label)).replaceWithVoid();
        }));
    }

    @WithTransaction
    public Uni<Void> removeLabel(String id, Actor actor, String label) {
        return load(id, actor).chain(c -> labels.delete("conversationId = ?1 and label = ?2", id, label)
                .chain(n -> n == 0 ? Uni.createFrom().voidItem()
                        : audit.record(actor, "label_remove", id, label).replaceWithVoid()));
    }

    /** Hands the conversation to an internal team with context; it stays visible and comes back with takeBack. */
    @WithTransaction
    public Uni<ConversationView> escalate(String id, Actor actor, String team, String context) {
        if (!TEAMS.contains(team)) {
            throw Problems.badRequest("team must be one of " + TEAMS);
        }
        return loadForUpdate(id, actor).chain(c -> {
            requireOpen(c);
            requireHolderOrFree(c, actor);
            if ("escalated".equals(c.state)) {
                throw Problems.conflict("conversation " + id + " is already escalated to " + c.escalatedTo);
            }
            c.escalatedTo = team;
            c.escalationContext = context;
            c.escalatedAt = Instant.now();
            c.state = "escalated";
            c.updatedAt = c.escalatedAt;
            return audit.record(actor, "escalate", id, team + ": " + context)
                    .invoke(() -> live.publish(LiveEvent.of("state", id, c.centre, c.space, "escalated to " + team)))
                    .replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<ConversationView> takeBack(String id, Actor actor, String outcome) {
        return loadForUpdate(id, actor).chain(c -> {
            if (!"escalated".equals(c.state)) {
                throw Problems.conflict("conversation " + id + " is not escalated");
            }
            String team = c.escalatedTo;
            c.escalatedTo = null;
            c.state = "assigned";
            c.assignee = actor.name();
            c.updatedAt = Instant.now();
            return audit.record(actor, "take_back", id, "from " + team + (outcome == null ? "" : ": " + outcome))
                    .invoke(() -> live.publish(LiveEvent.of("assignment", id, c.centre, c.space, c.assignee)))
                    .replaceWith(c);
        });
    }

    @WithTransaction
    public Uni<ConversationView> resolve(String id, Actor actor) {
        return loadForUpdate(id, actor).chain(c -> {
            requireOpen(c);
            requireHolderOrFree(c, actor);
            c.state = "resolved";
            c.resolvedAt = Instant.now();
            c.updatedAt = c.resolvedAt;
            return audit.record(actor, "resolve", id, null)
                    .invoke(() -> live.publish(LiveEvent.of("state", id, c.centre, c.space, "resolved"))).replaceWith(c);
        });
    }

    /** Closes the conversation and sets its sentiment at start and end; the event waits in the outbox until sent. */
    @WithTransaction
    public Uni<ConversationView> close(String id, Actor actor) {
        return loadForUpdate(id, actor).chain(c -> {
            requireOpen(c);
            requireHolderOrFree(c, actor);
            return messages.ofConversation(id).chain(all -> {
                SentimentArc arc = SentimentArc.of(all);
                c.state = "closed";
                c.closedAt = Instant.now();
                c.closedBy = actor.name();
                c.updatedAt = c.closedAt;
                c.closedPublishedAt = null;
                if (arc != null) {
                    c.openingSentiment = arc.openingLabel();
                    c.openingScore = arc.openingScore();
                    c.closingSentiment = arc.closingLabel();
                    c.closingScore = arc.closingScore();
                    c.sentimentDelta = arc.delta();
                    c.restatedPublicly = arc.restatedPublicly();
                }
                return audit.record(actor, "close", id, arc == null ? "no customer sentiment"
                        : "sentiment " + arc.openingLabel() + " -> " + arc.closingLabel() + " (delta " + arc.delta() + ")")
                        .invoke(() -> live.publish(LiveEvent.of("state", id, c.centre, c.space, "closed")))
                        .replaceWith(c);
            });
        });
    }

    /** The ConversationClosed event of a closed conversation. */
    public static ConversationClosed closedEvent(ConversationView c, int customerMessages, int replies) {
        return new ConversationClosed(ConversationClosed.VERSION, c.id, c.centre, c.network, c.space, c.language,
                c.topic, c.closedBy,
                c.openingSentiment == null ? null : new Sentiment(c.openingSentiment, c.openingScore),
                c.closingSentiment == null ? null : new Sentiment(c.closingSentiment, c.closingScore),
                c.sentimentDelta == null ? 0 : c.sentimentDelta,
                Boolean.TRUE.equals(c.restatedPublicly), customerMessages, replies, c.firstMessageAt, c.closedAt);
    }
}
