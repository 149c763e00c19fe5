package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Holds the live events a {@code @WithTransaction} method publishes until its transaction has committed (ADR 0142).
 * It binds to Panache's own annotation, so no transactional method can forget it, and runs outside Panache's
 * interceptor (a lower priority), so that its scope encloses the commit.
 */
@WithTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AnnouncedAfterCommit {

    private final LiveUpdates live;

    public AnnouncedAfterCommit(LiveUpdates live) {
        this.live = live;
    }

    @AroundInvoke
    @SuppressWarnings("unchecked")
    Object around(InvocationContext context) {
        // Panache validates at build time that a @WithTransaction method returns a Uni
        return live.afterCommit(() -> {
            try {
                return (Uni<Object>) context.proceed();
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        });
    }
}
