package io.vigie.centres.domain;

import io.vigie.centres.repository.MetricsQueries.Backlog;
import io.vigie.events.CentreStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one wall screen shows for a scope (a centre, or {@code *} for the whole command center).
 *
 * @param scope     centre id or {@code *}
 * @param at        when it was computed
 * @param lastHour  the figures of the last hour
 * @param centres   live status of the centres in scope
 * @param queues    waiting conversations per centre and queue
 * @param sla       first response and SLA of the last 24 hours per centre
 * @param curves    volume and temperature over the last hours
 * @param incidents active incidents with their sample posts
 */
public record WallSnapshot(String scope, Instant at, Figures lastHour, List<CentreStatus> centres, List<Backlog> queues,
        List<SlaRow> sla, Curves curves, List<Incident> incidents) {

    /** First response figures of one centre. */
    public record SlaRow(String centre, Double firstResponseP50, Double firstResponseP90, long responded, Double attainment) {
    }

    /**
     * Curves over the last hours, one point per step.
     *
     * @param stepMinutes    minutes per point
     * @param buckets        start of each point
     * @param volumeBy       volume per point by network, and by centre for the global scope ({@code centre:<id>})
     * @param temperature    temperature per point (null where nothing was heard)
     */
    public record Curves(int stepMinutes, List<Instant> buckets, Map<String, List<Long>> volumeBy, List<Double> temperature) {
    }
}
