package io.vigie.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * @param warmup          mentions replayed, untimed, before the pipeline phases (the services' JIT and pools)
 * @param rate            mentions per second of the latency phase
 * @param settleRounds    most untimed rounds of the latency phase's traffic before the timed phases: they stop
 *                        once the JIT's compiler threads took at most a tenth of the services' CPU in a round
 * @param latencySeconds  length of the latency phase
 * @param scoringPosts    posts of the scoring comparison
 * @param reportMentions  mentions stored for the reports phase
 * @param reportDays      days those mentions span
 * @param repeats         timed calls per report endpoint, scope and period
 * @param jfr             whether the services record a JFR profile
 * @param steps           the phases to run: raw, scoring, throughput, latency, reports
 * @param jvmOptions      heap and GC options of every service (space-separated; by default those of
 *                        {@code infra/service.jvm}, as every other launcher of the services)
 * @param doc             the performance document whose generated section is rewritten
 * @param results         the results file (JSON)
 */
public record BenchOptions(int mentions, int warmup, int rate, int settleRounds, int latencySeconds, int scoringPosts, long reportMentions,
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
        Set<String> known = Set.of("mentions", "warmup", "rate", "settle-rounds", "latency-seconds", "scoring-posts", "report-mentions",
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
        return new BenchOptions(positive(o, "mentions", 20_000), positive(o, "warmup", 10_000), positive(o, "rate", 500),
                positive(o, "settle-rounds", 12),
                positive(o, "latency-seconds", 30), positive(o, "scoring-posts", 3_000),
                positive(o, "report-mentions", 10_000_000), positive(o, "report-days", 100), positive(o, "repeats", 20),
                Boolean.parseBoolean(o.getOrDefault("jfr", "true")), steps,
                o.containsKey("jvm") ? List.of(o.get("jvm").trim().split("\\s+")) : serviceJvmOptions(),
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

    /**
     * The services' JVM options, one per line of {@code infra/service.jvm} (a java launcher argument file), found in
     * {@code vigie.root} or the first directory above the working one that has it (a module's tests).
     */
    static List<String> serviceJvmOptions() {
        Path start = Path.of(System.getProperty("vigie.root", ".")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("infra/service.jvm");
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("the services' JVM options: " + file + " is unreadable", e);
                }
            }
        }
        throw new IllegalStateException("no infra/service.jvm in or above " + start);
    }
}
