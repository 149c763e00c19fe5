package io.vigie.spikeeval;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The evaluation's report in Markdown: one row per burst, the false alarms, and the targets. */
final class Report {

    private Report() {
    }

    /** @param how how the posts went through the radar ("replayed through ingestion and scoring in 190 s") */
    static String markdown(Scorecard.Result r, int days, double perHour, long seed, long posts, String how,
            Map<String, String> watchlistIds) {
        StringBuilder md = new StringBuilder();
        md.append("## Crisis radar: spike evaluation\n\n");
        md.append(String.format(Locale.ROOT, "%d simulated days from %s, %.0f posts/hour on average (seed %d), "
                + "%,d posts %s; %d incidents.%n%n", days, EvalPlan.START, perHour, seed, posts, how, r.incidents()));
        md.append("| burst | subject | shape | size | baseline /min | detected | delay (simulated) | size then | via "
                + "| severity |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Scorecard.Detection d : r.detections()) {
            Scorecard.BurstWindow b = d.burst();
            String name = b.subjectKind().equals("watchlist") ? b.subjectKind() + " " + nameOf(b.subject(), watchlistIds)
                    : b.subjectKind() + " " + b.subject();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s %d min, %s | %s | %.1f | %s | %s | %s | %s | %s |%n",
                    b.id(), name, b.shape(), Duration.between(b.start(), b.end()).toMinutes(), b.language(),
                    b.factor() > 0 ? String.format(Locale.ROOT, "%.1f×", b.factor()) : "new term",
                    b.baselinePerMinute(), d.detected() ? "yes" : "**no**",
                    d.detected() ? d.delaySeconds() + " s" : "—",
                    d.detected() && b.factor() > 0 ? String.format(Locale.ROOT, "%.1f×", b.sizeAfter(d.delaySeconds()))
                            : "—",
                    d.detected() ? d.via() : "—", d.detected() ? d.severity() : "—"));
        }
        md.append(String.format(Locale.ROOT, "%nFalse alarms: %d in %d days (%.2f per day over every subject); "
                + "watchlists: %.2f per watchlist per day.%n", r.falseAlarms().size(), days, r.falseAlarmsPerDay(),
                r.watchlistFalseAlarmsPerWatchlistDay()));
        for (Scorecard.FalseAlarm f : r.falseAlarms()) {
            md.append(String.format(Locale.ROOT, "- %s %s at %s: %.0f observed, %.1f expected%n", f.subjectKind(),
                    f.subjectKind().equals("watchlist") ? nameOf(f.subject(), watchlistIds) : f.subject(),
                    f.detectedAt(), f.observed(), f.expected()));
        }
        md.append("\nTargets: alert ≤ 30 s after a 5× burst on a watchlist; ≤ 1 false alarm per watchlist per day; "
                + "a 2× burst on a busy topic within 5 minutes.\n");
        for (Scorecard.Detection d : r.detections()) {
            Scorecard.BurstWindow b = d.burst();
            if (b.subjectKind().equals("watchlist") && b.factor() >= 4.5) {
                md.append(target(d, 30));
            }
            if (b.subjectKind().equals("topic") && b.factor() < 3) {
                md.append(target(d, 300));
            }
        }
        md.append(String.format(Locale.ROOT, "- false alarms per watchlist per day: %.2f %s%n",
                r.watchlistFalseAlarmsPerWatchlistDay(), r.watchlistFalseAlarmsPerWatchlistDay() <= 1 ? "✓" : "✗"));
        return md.toString();
    }

    /**
     * One burst against its delay target. A step or a flash is timed from its start. A ramp is also reported against
     * the moment it reaches its full size, the first moment it is the burst the target names; both are printed.
     */
    static String target(Scorecard.Detection d, long limitSeconds) {
        Scorecard.BurstWindow b = d.burst();
        String head = String.format(Locale.ROOT, "- %s (%s%.1f×, baseline %.1f/min): ", b.id(), b.ramp() ? "ramp to " : "",
                b.factor(), b.baselinePerMinute());
        if (!d.detected()) {
            return head + "not detected ✗\n";
        }
        long delay = d.delaySeconds();
        if (!b.ramp()) {
            return head + delay + " s " + (delay <= limitSeconds ? "✓" : "✗") + "\n";
        }
        long full = Duration.between(b.start(), b.end()).toSeconds();
        String when = delay < full
                ? String.format(Locale.ROOT, "at %.1f×, %d s before it reached its full size", b.sizeAfter(delay), full - delay)
                : String.format(Locale.ROOT, "%d s after it reached its full size", delay - full);
        return head + delay + " s after its start, " + when + " " + (delay - full <= limitSeconds ? "✓" : "✗") + "\n";
    }

    private static String nameOf(String id, Map<String, String> ids) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElse(id);
    }
}
