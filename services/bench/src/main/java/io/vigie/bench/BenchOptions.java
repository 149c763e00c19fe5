package io.vigie.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code make bench} ({@code --name value} pairs); every default is the documented run.
 *
 * @param mentions        mentions replayed as fast as possible (throughput) and relayed by raw Kafka
 * @param rate            mentions per second of the latency phase
 * @param latencySeconds  length of the latency phase
 * @param scoringPosts    posts of the scoring comparison
 * @param reportMentions  mentions stored for the reports phase
 * @param reportDays      days those mentions span
 * @param repeats         timed calls per report endpoint, scope and period
 * @param jfr             whether the services record a JFR profile
 * @param steps           the phases to run: raw, scoring, throughput, latency, reports
 * @param jvmOptions      heap and GC options of every service (space-separated)
 * @param doc             the performance document whose generated section is rewritten
 * @param results         the results file (JSON)
 */
public record BenchOptions(int mentions, int rate, int latencySeconds, int scoringPosts, long reportMentions,
        int reportDays, int repeats, boolean jfr, Set<String> steps, List<String> jvmOptions, Path doc, Path results) {

    /** Every phase, in the order they run. */
    public static final List<String> STEPS = List.of("raw", "scoring", "throughput", "latency", "reports");

    /** Parses {@code --name value} pairs; an unknown name or a bad value is an error naming it. */
    public static BenchOptions parse(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        Set<String> known = Set.of("mentions", "rate", "latency-seconds", "scoring-posts", "report-mentions",
                "report-days", "repeats", "jfr", "steps", "jvm", "doc", "results");
        for (String k : o.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown option --" + k + " (known: " + known + ")");
            }
        }
        Set<String> steps = new LinkedHashSet<>();
        for (String s : o.getOrDefault("steps", String.join(",", STEPS)).split(",")) {
            if (!STEPS.contains(s.trim())) {
                throw new IllegalArgumentException("--steps: unknown phase '" + s + "' (one of " + STEPS + ")");
            }
            steps.add(s.trim());
        }
        return new BenchOptions(positive(o, "mentions", 20_000), positive(o, "rate", 500),
                positive(o, "latency-seconds", 30), positive(o, "scoring-posts", 3_000),
                positive(o, "report-mentions", 10_000_000), positive(o, "report-days", 100), positive(o, "repeats", 20),
                Boolean.parseBoolean(o.getOrDefault("jfr", "true")), steps,
                List.of(o.getOrDefault("jvm", "-Xmx256m -XX:+UseSerialGC").trim().split("\\s+")),
                Path.of(o.getOrDefault("doc", "docs/performance.md")),
                Path.of(o.getOrDefault("results", "docs/performance-results.json")));
    }

    private static int positive(Map<String, String> o, String name, int fallback) {
        String v = o.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.replace("_", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + v + "'");
        }
    }
}
