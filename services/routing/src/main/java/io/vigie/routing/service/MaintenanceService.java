package io.vigie.routing.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.CentreConfig;
import io.vigie.routing.config.RoutingConfig;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.repository.ConversationRepository;
import io.vigie.routing.repository.ConversationRepository.RerouteCandidate;
import io.vigie.routing.repository.DecisionRepository.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The work the clock drives: SLA escalations, widening of skills after a long wait, hand-off leases (expiry,
 * renewal) and re-routing out of centres that closed or saturated. Each step is one transaction that skips rows
 * another instance holds.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final int BATCH = 200;

    private final Round queuedRound = new Round();
    private final Round unplacedRound = new Round();

    private final ConversationRepository conversations;
    private final RoutingService routing;
    private final CentreSelector selector;
    private final CentreDirectory directory;
    private final DecisionLog log;
    private final RoutingConfig config;
    private final RoutingMetrics metrics;
    private final Clock clock;

    public MaintenanceService(ConversationRepository conversations, RoutingService routing, CentreSelector selector,
            CentreDirectory directory, DecisionLog log, RoutingConfig config, RoutingMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.conversations = conversations;
        this.routing = routing;
        this.selector = selector;
        this.directory = directory;
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    /** Escalates conversations whose SLA is breached: priority raised, supervisors notified through the decision. */
    @WithTransaction
    public Uni<List<StoredDecision>> escalate() {
        Instant now = clock.instant();
        return conversations.lockBreached(now, BATCH).chain(breached -> {
            DecisionLog.Writes writes = new DecisionLog.Writes();
            for (Conversation c : breached) {
                boolean response = c.slaDueAt != null && !c.slaDueAt.isAfter(now)
                        && (c.escalatedAt == null || c.escalatedAt.isBefore(c.slaDueAt));
                String what = response ? "response SLA breached (due " + c.slaDueAt + ")"
                        : "resolution SLA breached (due " + c.resolutionDueAt + ")";
                int before = c.priority;
                c.priority = Math.min(100, c.priority + config.escalationBoost());
                c.escalationLevel++;
                c.escalatedAt = now;
                metrics.escalation(c.centre);
                c.updatedAt = now;
                log.add(writes, c, c.state, List.of(what, "escalation " + c.escalationLevel + ": priority "
                        + before + " → " + c.priority, "supervisors of " + c.centre + " notified"), null, now);
            }
            return log.store(writes, now);
        });
    }

    /** Lets any agent of the centre take conversations that waited too long in their skill queue. */
    @WithTransaction
    public Uni<List<StoredDecision>> widen() {
        Instant now = clock.instant();
        return conversations.lockToWiden(now.minus(config.widenSkillsAfter()), BATCH).chain(waiting -> {
            DecisionLog.Writes writes = new DecisionLog.Writes();
            for (Conversation c : waiting) {
                c.widened = true;
                c.updatedAt = now;
                log.add(writes, c, c.state, List.of("waited more than " + config.widenSkillsAfter()
                        + " in the " + c.queue + " queue: skills widened, any agent of " + c.centre + " may take it"),
                        null, now);
            }
            return log.store(writes, now);
        });
    }

    /**
     * Routes again what needs it: conversations no centre took yet, queued ones whose hand-off lease lapsed (home
     * again if it can take them), queued ones in a centre that closed or saturated; renews the lease of handed-off
     * conversations being worked. Those that no centre can take now stay as they are, so each tick reads the next
     * {@link #BATCH} of each kind in arrival order (two rounds), not the oldest again: a backlog of conversations no
     * centre covers does not hold back a lapsed lease that arrived after it (ADR 0139). They are read without locks and
     * only those that will move are locked, so the consumer threading a message into one that stays never waits for
     * the clock.
     */
    @WithTransaction
    public Uni<List<StoredDecision>> reroute() {
        Instant now = clock.instant();
        List<String> unavailable = directory.centres().stream()
                .filter(c -> selector.unavailability(c, now).isPresent()).map(CentreConfig::id).toList();
        return conversations.queuedToReroute(now, unavailable, queuedRound.after(), BATCH).invoke(queuedRound::advance)
                .chain(queued -> conversations.unplaced(unplacedRound.after(), BATCH).invoke(unplacedRound::advance)
                        .map(unplaced -> Stream.concat(queued.stream(), unplaced.stream())
                                .filter(c -> changes(c, now)).map(RerouteCandidate::id).toList()))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<StoredDecision>of())
                        : conversations.lockToReroute(ids).chain(locked -> {
                            DecisionLog.Writes writes = new DecisionLog.Writes();
                            locked.forEach(c -> reconsider(c, now, writes));
                            return log.store(writes, now);
                        }))
                .chain(moved -> conversations.lockAssignedLeases(now, BATCH).chain(worked -> {
            DecisionLog.Writes writes = new DecisionLog.Writes();
            for (Conversation c : worked) {
                c.leaseExpiresAt = now.plus(config.handoffLease());
                c.updatedAt = now;
                log.add(writes, c, c.state, List.of("hand-off lease to " + c.centre + " renewed until "
                        + c.leaseExpiresAt + " while " + c.assignedAgent + " works it"), null, now);
            }
            return log.store(writes, now).map(renewed -> {
                List<StoredDecision> out = new ArrayList<>(moved);
                out.addAll(renewed);
                return out;
            });
        }));
    }

    /**
     * Whether the clock changes a conversation: a centre can take it now, and it is not the one that has it, unless
     * its hand-off lease lapsed (then it is renewed). Decided on the unlocked read, then again on the locked row.
     */
    private static boolean changes(String chosen, String centre, boolean leaseLapsed) {
        return chosen != null && (!chosen.equals(centre) || leaseLapsed);
    }

    private boolean changes(RerouteCandidate c, Instant now) {
        return changes(selector.choose(c.language(), c.space(), now).centre(), c.centre(), c.leaseLapsed());
    }

    /**
     * Places a conversation again if a centre other than its own can take it now, renews its hand-off lease if its
     * centre is still the one to take it; leaves it as it is when no centre can.
     */
    private void reconsider(Conversation c, Instant now, DecisionLog.Writes writes) {
        String from = c.state;
        String centre = c.centre;
        boolean leaseLapsed = c.leaseExpiresAt != null && !c.leaseExpiresAt.isAfter(now);
        CentreSelector.Choice choice = selector.choose(c.language, c.space, now);
        if (!changes(choice.centre(), centre, leaseLapsed)) {
            return;
        }
        if (choice.centre().equals(centre)) {
            c.leaseExpiresAt = now.plus(config.handoffLease());
            c.updatedAt = now;
            log.add(writes, c, from, List.of("hand-off lease to " + centre + " renewed until "
                    + c.leaseExpiresAt + " (" + String.join("; ", choice.reasons()) + ")"), null, now);
            return;
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(centre == null ? "a centre configuration now covers " + c.language
                : leaseLapsed ? "hand-off lease to " + centre + " lapsed" : centre + " cannot take work now");
        c.updatedAt = now;
        routing.place(c, now, reasons, false);
        log.add(writes, c, from, reasons, null, now);
    }

    /**
     * A round through a set of conversations in arrival order, {@link #BATCH} per tick: where the next step starts.
     * A step shorter than a batch reached the end, so the next starts again from the first.
     */
    static final class Round {
        private final AtomicLong after = new AtomicLong();

        long after() {
            return after.get();
        }

        void advance(List<RerouteCandidate> step) {
            after.set(step.size() < BATCH ? 0 : step.get(step.size() - 1).arrival());
        }
    }

    /** The centres that have queued conversations, to dispatch. */
    @WithTransaction
    public Uni<List<String>> centresToDispatch() {
        return conversations.centresWithQueue();
    }
}
