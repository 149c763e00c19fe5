package io.vigie.spikeeval;

import io.vigie.events.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the radar's alerts against the injected bursts: for each burst, the first incident about its subject
 * (its subject or a related one) that opened during the burst or within a grace period after it, and the delay in
 * simulated time; every other incident whose sample mentions are not burst posts is a false alarm.
 */
final class Scorecard {

    /** How long after a burst's end an incident still counts as its detection. */
    static final Duration GRACE = Duration.ofMinutes(10);

    /** A burst as the scorecard needs it. */
    record BurstWindow(String id, String subjectKind, String subject, Instant start, Instant end, double factor,
            double baselinePerMinute, String shape, String language) {

        /** Whether the burst grows over its duration (a ramp) rather than starting at its full size. */
        boolean ramp() {
            return shape.equalsIgnoreCase("ramp");
        }

        /**
         * Its size (total rate over the baseline) {@code seconds} after its start: a ramp's extra rate grows linearly
         * from zero to its full size at its end; a step or a flash is at full size from its start.
         */
        double sizeAfter(long seconds) {
            if (!ramp()) {
                return factor;
            }
            double length = Duration.between(start, end).toSeconds();
            return 1 + (factor - 1) * Math.min(1, Math.max(0, seconds / length));
        }
    }

    /** What became of one burst. */
    record Detection(BurstWindow burst, String incidentId, String via, Instant detectedAt, Long delaySeconds,
            String severity) {
        boolean detected() {
            return incidentId != null;
        }
    }

    /** An incident explained by no burst. */
    record FalseAlarm(String incidentId, String subjectKind, String subject, Instant detectedAt, double observed,
            double expected) {
    }

    /** The outcome. */
    record Result(List<Detection> detections, List<FalseAlarm> falseAlarms, int incidents, double days,
            int watchlists) {

        double falseAlarmsPerDay() {
            return falseAlarms.size() / days;
        }

        double watchlistFalseAlarmsPerWatchlistDay() {
            long n = falseAlarms.stream().filter(f -> f.subjectKind().equals("watchlist")).count();
            return n / (days * Math.max(1, watchlists));
        }
    }

    private Scorecard() {
    }

    /**
     * @param bursts     the injected bursts, with watchlist subjects given as the ids ingestion assigned
     * @param alerts     every alert read from the topic
     * @param burstPosts keys ({@code network:id}) of the posts the bursts injected
     * @param days       simulated days replayed
     * @param watchlists watchlists the radar watched
     */
    static Result score(List<BurstWindow> bursts, List<Alert> alerts, Set<String> burstPosts, double days,
            int watchlists) {
        Map<String, List<Alert>> byIncident = new LinkedHashMap<>();
        alerts.stream().sorted(Comparator.comparing(Alert::incidentId).thenComparingInt(Alert::revision))
                .forEach(a -> byIncident.computeIfAbsent(a.incidentId(), k -> new ArrayList<>()).add(a));
        List<List<Alert>> incidents = new ArrayList<>(byIncident.values());
        incidents.sort(Comparator.comparing(l -> first(l).detectedAt()));

        List<Detection> detections = new ArrayList<>();
        java.util.Set<String> explained = new java.util.HashSet<>();
        for (BurstWindow b : bursts) {
            Detection found = new Detection(b, null, null, null, null, null);
            for (List<Alert> incident : incidents) {
                for (Alert a : incident) {
                    boolean about = (a.subjectKind().equals(b.subjectKind()) && a.subject().equals(b.subject()))
                            || a.related().contains(b.subjectKind() + ":" + b.subject())
                            || "topic".equals(b.subjectKind()) && ofTopic(a, b.subject());
                    if (!about || a.detectedAt().isBefore(b.start()) || a.detectedAt().isAfter(b.end().plus(GRACE))) {
                        continue;
                    }
                    String via = a.subjectKind().equals(b.subjectKind()) && a.subject().equals(b.subject())
                            ? "its own alert"
                            : a.subjectKind().equals(b.subjectKind()) && a.subject().startsWith(b.subject() + "|")
                                    ? "its own alert in " + a.subject().substring(b.subject().length() + 1)
                                    : "related to " + a.subjectKind() + " " + a.subject();
                    if (!found.detected() || a.detectedAt().isBefore(found.detectedAt())) {
                        found = new Detection(b, a.incidentId(), via, a.detectedAt(),
                                Duration.between(b.start(), a.detectedAt()).toSeconds(), a.severity());
                    }
                    explained.add(a.incidentId());
                    break;
                }
            }
            detections.add(found);
        }
        List<FalseAlarm> falseAlarms = new ArrayList<>();
        for (List<Alert> incident : incidents) {
            Alert open = first(incident);
            if (explained.contains(open.incidentId())) {
                continue;
            }
            Alert last = incident.get(incident.size() - 1);
            long fromBursts = last.sampleMentions().stream().filter(burstPosts::contains).count();
            boolean duringABurst = bursts.stream().anyMatch(b -> !open.detectedAt().isBefore(b.start())
                    && !open.detectedAt().isAfter(b.end().plus(GRACE)));
            if (duringABurst && fromBursts > 0) {
                continue; // another subject surging with a burst's own posts: a co-surge, not a false alarm
            }
            falseAlarms.add(new FalseAlarm(open.incidentId(), open.subjectKind(), open.subject(), open.detectedAt(),
                    open.observed(), open.expected()));
        }
        return new Result(detections, falseAlarms, incidents.size(), days, watchlists);
    }

    /** Whether the alert is about the topic in one language ({@code topic|language}), or has it as related. */
    private static boolean ofTopic(Alert a, String topic) {
        return "topic".equals(a.subjectKind()) && a.subject().startsWith(topic + "|")
                || a.related().stream().anyMatch(r -> r.startsWith("topic:" + topic + "|"));
    }

    private static Alert first(List<Alert> incident) {
        return incident.stream().filter(a -> Alert.OPEN.equals(a.status())).findFirst().orElse(incident.get(0));
    }
}
