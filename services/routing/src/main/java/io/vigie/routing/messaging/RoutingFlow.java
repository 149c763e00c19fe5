package io.vigie.routing.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.events.AgentPresence;
import io.vigie.events.ConversationClosed;
import io.vigie.events.Reply;
import io.vigie.events.ScoredMention;
import io.vigie.routing.service.AssignmentService;
import io.vigie.routing.service.LifecycleService;
import io.vigie.routing.service.MaintenanceService;
import io.vigie.routing.service.PresenceService;
import io.vigie.routing.service.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * One routing instance's work, end to end: each step commits its transaction, then publishes the decisions it
 * stored, then dispatches the centre concerned. Consumers, the clock tick and tests drive it.
 */
@ApplicationScoped
public class RoutingFlow {

    private final RoutingService routing;
    private final AssignmentService assignment;
    private final PresenceService presence;
    private final MaintenanceService maintenance;
    private final LifecycleService lifecycle;
    private final DecisionPublisher publisher;

    public RoutingFlow(RoutingService routing, AssignmentService assignment, PresenceService presence,
            MaintenanceService maintenance, LifecycleService lifecycle, DecisionPublisher publisher) {
        this.lifecycle = lifecycle;
        this.routing = routing;
        this.assignment = assignment;
        this.presence = presence;
        this.maintenance = maintenance;
        this.publisher = publisher;
    }

    /** Routes one scored message, publishes the decision, then assigns what its centre can. */
    public Uni<Void> onScored(ScoredMention scored) {
        return routing.route(scored)
                .call(routed -> publisher.publish(routed.decisions()))
                .chain(routed -> dispatch(routed.centre()));
    }

    /**
     * Routes a batch of scored messages in one transaction, publishes their decisions, then assigns what each centre
     * concerned can, once per centre.
     */
    public Uni<Void> onScoredBatch(List<ScoredMention> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return routing.routeBatch(batch)
                .call(routed -> publisher.publish(routed.decisions()))
                .chain(routed -> dispatchAll(routed.centres()));
    }

    /** Applies one presence record, publishes the released conversations, then dispatches the agent's centre(s). */
    public Uni<Void> onPresence(AgentPresence p) {
        return presence.apply(p)
                .call(applied -> publisher.publish(applied.decisions()))
                .chain(applied -> dispatchAll(applied.centres()));
    }

    /** Applies an agent's public reply (waiting for the customer), publishes it, then dispatches the freed capacity. */
    public Uni<Void> onReply(Reply reply) {
        return lifecycle.replied(reply)
                .call(changed -> publisher.publish(changed.decisions()))
                .chain(changed -> dispatch(changed.centre()));
    }

    /** Applies a close from the workspace, publishes it, then dispatches the freed capacity. */
    public Uni<Void> onClosed(ConversationClosed closed) {
        return lifecycle.closed(closed)
                .call(changed -> publisher.publish(changed.decisions()))
                .chain(changed -> dispatch(changed.centre()));
    }

    /** A supervisor pulls a conversation into the queues; emits false if it is unknown or not theirs. */
    public Uni<Boolean> pull(String id, String supervisor, java.util.function.BiPredicate<String, String> maySee) {
        return lifecycle.pull(id, supervisor, maySee).chain(changed -> changed == null ? Uni.createFrom().item(false)
                : publisher.publish(changed.decisions()).chain(() -> dispatch(changed.centre())).replaceWith(true));
    }

    /** Assigns what a centre can assign now, and publishes it. */
    public Uni<Void> dispatch(String centre) {
        if (centre == null) {
            return Uni.createFrom().voidItem();
        }
        return assignment.dispatch(centre).chain(publisher::publish);
    }

    private Uni<Void> dispatchAll(List<String> centres) {
        return Multi.createFrom().iterable(centres).onItem().transformToUniAndConcatenate(this::dispatch)
                .collect().last().replaceWithVoid();
    }

    /** The clock's work: escalations, widening, re-routing and leases, dispatch of every queued centre, outbox relay. */
    public Uni<Void> tick() {
        return maintenance.escalate().chain(publisher::publish)
                .chain(() -> maintenance.widen()).chain(publisher::publish)
                .chain(() -> maintenance.reroute()).chain(publisher::publish)
                .chain(() -> maintenance.centresToDispatch()).chain(this::dispatchAll)
                .chain(() -> publisher.republish()).replaceWithVoid();
    }
}
