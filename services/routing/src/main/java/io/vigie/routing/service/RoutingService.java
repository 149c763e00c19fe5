package io.vigie.routing.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.CentreConfig;
import io.vigie.events.ScoredMention;
import io.vigie.routing.config.RoutingConfig;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.domain.ConversationState;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.FlushMode;

/** Business logic of routing: threads scored messages into conversations, triages them and places them in a centre's queue. */
@ApplicationScoped
public class RoutingService {

    /** Queue of a conversation no centre has taken yet. */
    public static final String UNROUTED = "unrouted";

    private final ConversationRepository conversations;
    private final CentreSelector selector;
    private final CentreDirectory directory;
    private final Triage triage;
    private final DecisionLog log;
    private final RoutingConfig config;
    private final RoutingMetrics metrics;
    private final Clock clock;

    public RoutingService(ConversationRepository conversations, CentreSelector selector, CentreDirectory directory,
            Triage triage, DecisionLog log, RoutingConfig config, RoutingMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.conversations = conversations;
        this.selector = selector;
        this.directory = directory;
        this.triage = triage;
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The outcome of routing one message: the centre to dispatch (null when nothing waits to be assigned) and the
     * decisions to publish.
     */
    public record Routed(String centre, List<StoredDecision> decisions) {
    }

    /** Threads {@code scored} into its conversation (once, however often it is delivered) and decides its routing. */
    @WithTransaction
    public Uni<Routed> route(ScoredMention scored) {
        return routeAll(List.of(scored)).map(batch -> new Routed(batch.centres().isEmpty() ? null : batch.centres().get(0),
                batch.decisions()));
    }

    /**
     * The outcome of routing a batch: the centres to dispatch, each once, in the order they first appeared, and the
     * decisions to publish, in the order they were taken.
     */
    public record RoutedBatch(List<String> centres, List<StoredDecision> decisions) {
    }

    /**
     * Routes a batch of messages in one transaction, one after the other in the given order, exactly as {@link #route}
     * would one by one: a conversation that appears twice in the batch sees its first message before its second.
     */
    @WithTransaction
    public Uni<RoutedBatch> routeBatch(List<ScoredMention> batch) {
        return routeAll(batch);
    }

    /**
     * A batch in a fixed number of statements, whatever its size (ADR 0129): creates the conversations that do not
     * exist, locks all of them (in id order), threads the messages, then decides each message in memory in batch
     * order and stores the transitions and decisions in one statement per table; the conversations' own changes are
     * flushed at commit.
     */
    private Uni<RoutedBatch> routeAll(List<ScoredMention> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(new RoutedBatch(List.of(), List.of()));
        }
        Instant now = clock.instant();
        Map<String, ConversationRepository.NewConversation> rows = new LinkedHashMap<>();
        List<ConversationRepository.NewMessage> messages = new ArrayList<>(batch.size());
        for (ScoredMention scored : batch) {
            String id = scored.mention().conversationKey();
            String author = scored.mention().author() == null ? null : scored.mention().author().id();
            rows.putIfAbsent(id, new ConversationRepository.NewConversation(id, scored.mention().network(),
                    scored.mention().space(), author, scored.language()));
            messages.add(new ConversationRepository.NewMessage(scored.mention().key(), id, scored.mention().createdAt()));
        }
        // Hibernate flushes the session before every native query (it cannot tell which tables a query reads). No query
        // of the batch reads a conversation's changed columns, so the changes are flushed once, at commit.
        return Panache.getSession().invoke(s -> s.setFlushMode(FlushMode.COMMIT))
                .chain(() -> conversations.insertAllIfAbsent(List.copyOf(rows.values()), now))
                .chain(created -> conversations.lockAll(rows.keySet())
                        .chain(locked -> conversations.addMessages(messages)
                                .chain(fresh -> decide(batch, created, locked, fresh, now))));
    }

    private Uni<RoutedBatch> decide(List<ScoredMention> batch, Set<String> created, Map<String, Conversation> locked,
            Set<String> fresh, Instant now) {
        Set<String> centres = new LinkedHashSet<>();
        DecisionLog.Writes writes = new DecisionLog.Writes();
        Set<String> createdLeft = new HashSet<>(created);
        Set<String> freshLeft = new HashSet<>(fresh);
        for (ScoredMention scored : batch) {
            String id = scored.mention().conversationKey();
            Conversation c = locked.get(id);
            if (c == null) {
                throw new IllegalStateException("conversation " + id + " was neither created nor found");
            }
            // Only the first message of a conversation created here sees it created; a key twice in the batch
            // is routed once, like a redelivery.
            boolean isCreated = createdLeft.remove(id);
            if (freshLeft.remove(scored.mention().key())) {
                String centre = onMessage(c, scored, isCreated, now, writes);
                if (centre != null) {
                    centres.add(centre);
                }
            }
        }
        return log.store(writes, now).map(decisions -> new RoutedBatch(List.copyOf(centres), decisions));
    }

    /** Decides one new message of {@code c}; emits the centre to dispatch, null when nothing waits to be assigned. */
    private String onMessage(Conversation c, ScoredMention scored, boolean created, Instant now, DecisionLog.Writes writes) {
        Triage.Verdict verdict = triage.actionable(scored);
        c.messageCount++;
        c.lastMessageAt = now;
        c.updatedAt = now;
        c.priority = Math.max(c.priority, Triage.priority(scored));
        Optional<IncidentWatch.Match> incident = triage.incident(scored);
        c.skillsWanted = String.join(",", mergeSkills(c.skills(), triage.skills(scored, incident.isPresent())));
        List<String> reasons = new ArrayList<>();
        reasons.add(verdict.reason());
        incident.ifPresent(m -> reasons.add(m.reason()));
        String from = created ? null : c.state;
        ConversationState state = ConversationState.valueOf(c.state.toUpperCase());
        if (created) {
            c.actionable = verdict.actionable();
        }
        switch (state) {
            case NEW -> {
                c.actionable = c.actionable || verdict.actionable();
                place(c, now, reasons, false);
                if (!c.actionable) {
                    reasons.add("kept out of the queues; a supervisor can pull it in");
                }
            }
            case QUEUED, ASSIGNED -> {
                reasons.add("message " + c.messageCount + " of the conversation");
                if (c.widened || c.centre == null) {
                    break;
                }
                // A crisis message moves the conversation to the crisis queue if its centre has one.
                directory.centre(c.centre).ifPresent(centre -> {
                    String queue = Triage.queue(c.skills(), centre.skills());
                    if (!queue.equals(c.queue) && c.state.equals(ConversationState.QUEUED.id())) {
                        reasons.add("queue " + c.queue + " → " + queue);
                        c.queue = queue;
                    }
                });
            }
            case WAITING_CUSTOMER, RESOLVED, CLOSED -> {
                c.actionable = true;
                c.assignedAgent = null;
                reasons.add("reopened by a new customer message");
                place(c, now, reasons, true);
            }
        }
        if (created) {
            metrics.conversation(c.centre, c.actionable);
        }
        if (created) {
            writes.transition(c.id, null, ConversationState.NEW.id(), "first message by " + c.authorId + " in " + c.space,
                    now);
        }
        log.add(writes, c, created ? ConversationState.NEW.id() : from, reasons, scored, now);
        return ConversationState.QUEUED.id().equals(c.state) ? c.centre : null;
    }

    private static List<String> mergeSkills(List<String> known, List<String> fresh) {
        Set<String> merged = new LinkedHashSet<>();
        if (fresh.contains(Triage.CRISIS)) {
            merged.add(Triage.CRISIS);
        }
        merged.addAll(known);
        merged.addAll(fresh);
        return new ArrayList<>(merged);
    }

    /**
     * Chooses the centre, queue and SLA clock of {@code c} and, if it is actionable and a centre took it, queues it.
     * Adds the reasons of each choice.
     */
    public void place(Conversation c, Instant now, List<String> reasons, boolean reopen) {
        CentreSelector.Choice choice = selector.choose(c.language, c.space, now);
        reasons.addAll(choice.reasons());
        c.centre = choice.centre();
        c.homeCentre = choice.home();
        c.leaseExpiresAt = choice.handedOff() ? now.plus(config.handoffLease()) : null;
        if (choice.handedOff()) {
            metrics.handoff(choice.home(), choice.centre());
            reasons.add("hand-off lease to " + c.centre + " until " + c.leaseExpiresAt);
        }
        Optional<CentreConfig> centre = directory.centre(c.centre);
        if (centre.isEmpty()) {
            c.queue = UNROUTED;
            c.state = ConversationState.NEW.id();
            return;
        }
        c.queue = Triage.queue(c.skills(), centre.get().skills());
        c.widened = false;
        reasons.add(Triage.GENERAL.equals(c.queue)
                ? "queue general (" + (c.skills().isEmpty() ? "no skill asked" : "no skill of " + c.skills()
                        + " in " + c.centre) + ")"
                : "skill queue " + c.queue + " (asked " + c.skills() + ")");
        if (!c.actionable) {
            c.state = ConversationState.NEW.id();
            return;
        }
        c.state = ConversationState.QUEUED.id();
        c.queuedAt = now;
        reasons.add("priority " + c.priority);
        Sla sla = sla(centre.get());
        c.slaDueAt = BusinessCalendar.addBusinessTime(centre.get(), now, reopen ? sla.next() : sla.first(), sla.businessHours());
        if (c.resolutionDueAt == null || reopen) {
            c.resolutionDueAt = BusinessCalendar.addBusinessTime(centre.get(), now, sla.resolution(), sla.businessHours());
        }
        c.escalatedAt = null;
        reasons.add((reopen ? "next" : "first") + " response due " + c.slaDueAt + " (SLA of " + c.centre
                + (sla.businessHours() ? ", business hours" : "") + ")");
    }

    /** A centre's SLA policy as durations. */
    public record Sla(Duration first, Duration next, Duration resolution, boolean businessHours) {
    }

    /** The centre's SLA, or the configured default when it publishes none. */
    public Sla sla(CentreConfig centre) {
        CentreConfig.SlaPolicy p = centre.sla();
        if (p == null || p.firstResponseSeconds() <= 0) {
            RoutingConfig.DefaultSla d = config.defaultSla();
            return new Sla(d.firstResponse(), d.nextResponse(), d.resolution(), d.businessHoursOnly());
        }
        return new Sla(Duration.ofSeconds(p.firstResponseSeconds()),
                Duration.ofSeconds(p.nextResponseSeconds() > 0 ? p.nextResponseSeconds() : p.firstResponseSeconds()),
                Duration.ofSeconds(p.resolutionSeconds() > 0 ? p.resolutionSeconds() : 86400), p.businessHoursOnly());
    }
}
