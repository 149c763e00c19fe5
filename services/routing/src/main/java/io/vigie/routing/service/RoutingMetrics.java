package io.vigie.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Routing's Prometheus counters: conversations by centre and actionability, hand-offs, assignments, escalations. */
@ApplicationScoped
public class RoutingMetrics {

    private final MeterRegistry registry;

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A new conversation, actionable or not (non-actionable ones count too). */
    public void conversation(String centre, boolean actionable) {
        registry.counter("vigie.routing.conversations", "centre", String.valueOf(centre), "actionable",
                String.valueOf(actionable)).increment();
    }

    /** A follow-the-sun hand-off from the home centre to another. */
    public void handoff(String home, String to) {
        registry.counter("vigie.routing.handoffs", "from", String.valueOf(home), "to", String.valueOf(to)).increment();
    }

    /** A conversation assigned to an agent. */
    public void assignment(String centre) {
        registry.counter("vigie.routing.assignments", "centre", String.valueOf(centre)).increment();
    }

    /** An SLA breach escalated. */
    public void escalation(String centre) {
        registry.counter("vigie.routing.escalations", "centre", String.valueOf(centre)).increment();
    }
}
