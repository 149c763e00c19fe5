package io.vigie.centres.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vigie.centres.domain.WallSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Computes each scope's wall snapshot once per push interval, while screens watch, and broadcasts it to every
 * screen of that scope: a hundred screens cost the database no more than one.
 */
@ApplicationScoped
public class WallBroadcaster {

    private static final Logger LOG = Logger.getLogger(WallBroadcaster.class);

    private final WallService wall;
    private final BroadcastProcessor<WallSnapshot> snapshots = BroadcastProcessor.create();
    private final AtomicInteger watchers = new AtomicInteger();

    public WallBroadcaster(WallService wall) {
        this.wall = wall;
    }

    /** Snapshots of {@code scope}: the current one at once, then one per push interval. */
    public Multi<WallSnapshot> watch(String scope) {
        Multi<WallSnapshot> next = snapshots.select().where(s -> s.scope().equals(scope));
        return Multi.createBy().concatenating().streams(Multi.createFrom().uni(wall.snapshot(scope)), next)
                .onSubscription().invoke(watchers::incrementAndGet)
                .onTermination().invoke(watchers::decrementAndGet);
    }

    @Scheduled(every = "${vigie.centres.wall.push-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> push() {
        if (watchers.get() == 0) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(wall.scopes()).onItem()
                .transformToUniAndConcatenate(scope -> wall.snapshot(scope).invoke(snapshots::onNext))
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("wall snapshots not pushed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
