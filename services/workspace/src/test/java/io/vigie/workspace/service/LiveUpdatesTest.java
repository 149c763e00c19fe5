package io.vigie.workspace.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigie.workspace.security.Actor;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live feed holds what a transaction publishes until it has succeeded, and drops it if it fails. */
class LiveUpdatesTest {

    private static Vertx vertx;

    private LiveUpdates live;
    private final List<String> announced = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void listen() {
        live = new LiveUpdates();
        live.stream(new Actor("observer", "bratislava", Set.of(Actor.AGENT)), Set.of()).subscribe()
                .with(e -> announced.add(e.detail()));
    }

    private static LiveEvent event(String detail) {
        return LiveEvent.of("state", "x:1", "bratislava", "x:@NordlysCare_SK", detail);
    }

    /** Subscribes to {@code work} on a fresh duplicated context, as a request or a Kafka record would, and waits. */
    private <T> T onDuplicatedContext(Supplier<Uni<T>> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        context.runOnContext(x -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        return done.get(10, TimeUnit.SECONDS);
    }

    @Test
    void eventsOfATransactionAreAnnouncedOnlyOnceItSucceeds() throws Exception {
        List<String> beforeCommit = onDuplicatedContext(() -> live.afterCommit(() -> Uni.createFrom().item(() -> {
            live.publish(event("claimed"));
            live.publish(event("resolved"));
            return List.copyOf(announced);
        })));
        assertEquals(List.of(), beforeCommit);
        assertEquals(List.of("claimed", "resolved"), announced);
    }

    @Test
    void eventsOfAFailedTransactionAreDropped() {
        Exception failed = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> onDuplicatedContext(() -> live.afterCommit(() -> Uni.createFrom().item(() -> {
                    live.publish(event("claimed"));
                    throw new IllegalStateException("rolled back");
                }))));
        assertTrue(failed.getMessage().contains("rolled back"), failed.toString());
        assertEquals(List.of(), announced);
        // and the next transaction on a context starts with nothing held
        live.publish(event("outside"));
        assertEquals(List.of("outside"), announced);
    }

    @Test
    void aNestedScopeLeavesTheAnnouncingToTheOutermost() throws Exception {
        List<String> afterInner = onDuplicatedContext(() -> live.afterCommit(() -> live
                .afterCommit(() -> Uni.createFrom().item(() -> {
                    live.publish(event("inner"));
                    return "done";
                }))
                .map(x -> List.copyOf(announced))));
        assertEquals(List.of(), afterInner);
        assertEquals(List.of("inner"), announced);
    }

    @Test
    void outsideATransactionAnEventGoesOutAtOnce() throws Exception {
        live.publish(event("from a worker thread"));
        assertEquals(List.of("from a worker thread"), announced);
        onDuplicatedContext(() -> Uni.createFrom().item(() -> {
            live.publish(event("on a request's context"));
            return announced.size();
        }));
        assertEquals(List.of("from a worker thread", "on a request's context"), announced);
    }
}
