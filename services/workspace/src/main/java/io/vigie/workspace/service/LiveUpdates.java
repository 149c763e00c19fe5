package io.vigie.workspace.service;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vigie.workspace.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The live feed behind the SSE stream: every change an agent's screen should show, filtered per viewer.
 *
 * <p>An event is a cue to reload, so it must not reach a screen before the change it announces can be read: the
 * events published inside a transaction are held and announced once it has committed, and dropped if it rolls back
 * (ADR 0142). Every {@code @WithTransaction} method gets this from {@link AnnouncedAfterCommit}; a transaction opened
 * with {@code Panache.withTransaction} gets it from {@link #afterCommit}.
 */
@ApplicationScoped
public class LiveUpdates {

    /** The context-local list of the events held until the current transaction commits. */
    private static final String HELD = LiveUpdates.class.getName() + ".held";

    private final BroadcastProcessor<LiveEvent> hub = BroadcastProcessor.create();

    /**
     * Announces an event to every open stream that may see it: at once outside a transaction, after the commit inside
     * one.
     */
    public void publish(LiveEvent event) {
        List<LiveEvent> held = VertxContext.isOnDuplicatedContext() ? ContextLocals.<List<LiveEvent>>get(HELD).orElse(null)
                : null;
        if (held != null) {
            held.add(event);
        } else {
            hub.onNext(event);
        }
    }

    /**
     * Runs {@code transaction} (a Uni that opens and commits one, such as {@code Panache.withTransaction(...)}) and
     * announces the events it published once it has succeeded; if it fails they are dropped. Nested inside another
     * such scope, it leaves the announcing to the outermost one, whose commit is the one that counts.
     */
    public <T> Uni<T> afterCommit(Supplier<Uni<T>> transaction) {
        return Uni.createFrom().deferred(() -> {
            if (!VertxContext.isOnDuplicatedContext() || ContextLocals.get(HELD).isPresent()) {
                return transaction.get();
            }
            List<LiveEvent> held = new ArrayList<>();
            ContextLocals.put(HELD, held);
            return transaction.get()
                    .onTermination().invoke(() -> ContextLocals.remove(HELD))
                    .onItem().invoke(() -> held.forEach(hub::onNext));
        });
    }

    /** The events {@code viewer} may see: their centre's, or for an expert only those of the granted spaces. */
    public Multi<LiveEvent> stream(Actor viewer, Set<String> expertSpaces) {
        boolean expertOnly = !viewer.roles().contains(Actor.AGENT) && !viewer.supervisor();
        // A slow screen loses events rather than holding the others back (it reloads on the next one).
        return hub.onOverflow().drop().filter(e -> viewer.centre().equals(e.centre())
                && (!expertOnly || (e.space() != null && expertSpaces.contains(e.space()))));
    }

    /**
     * One change: a new assignment, a new customer message, an SLA warning, a delivery receipt, a state change.
     *
     * @param type           assignment, message, sla_warning, receipt, state
     * @param conversationId the conversation concerned
     * @param centre         its centre
     * @param space          its space
     * @param detail         what changed (assignee, state, reply id and status...)
     * @param at             when
     */
    public record LiveEvent(String type, String conversationId, String centre, String space, String detail, Instant at) {

        /** An event stamped now. */
        public static LiveEvent of(String type, String conversationId, String centre, String space, String detail) {
            return new LiveEvent(type, conversationId, centre, space, detail, Instant.now());
        }
    }
}
