package io.vigie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigie.traffic.GeneratedMention;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code make bench}: runs every phase on the real infrastructure, writes the results file and docs/performance.md. */
public final class Bench {

    private final BenchOptions options;
    private final BenchEnv env;
    private final Path work;
    private final Map<String, Object> results = new LinkedHashMap<>();
    /** When each timed phase ran (for the collections of the JFR recordings within it). */
    private final Map<String, GcPauses.Window> phases = new LinkedHashMap<>();

    Bench(BenchOptions options, BenchEnv env) {
        this.options = options;
        this.env = env;
        this.work = env.root().resolve("services/bench/target/run");
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("vigie.root", ".")).toAbsolutePath().normalize();
        List<String> stale = Machine.staleMigrations(root);
        if (!stale.isEmpty()) {
            System.err.println("bench: the build output holds migrations that the sources do not, which the services"
                    + " would apply, measuring other code than the commit: " + String.join(", ", stale)
                    + "; delete them or run ./mvnw clean");
            System.exit(2);
            return;
        }
        new Bench(options, BenchEnv.fromEnvironment(root)).run(String.join(" ", args));
    }

    @SuppressWarnings("unchecked")
    void run(String argLine) throws Exception {
        Files.createDirectories(work);
        Path resultsFile = env.root().resolve(options.results());
        if (!options.steps().containsAll(BenchOptions.STEPS) && Files.exists(resultsFile)) {
            // A partial run replaces the phases it measured and keeps the others, each with the run that measured it.
            results.putAll(new ObjectMapper().readValue(resultsFile.toFile(), Map.class));
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String command = ("make bench " + (argLine.isBlank() ? "" : "ARGS='" + argLine + "'")).trim();
        results.put("command", command);
        results.put("started", started.toString());
        results.put("machine", Machine.describe(env.root()));
        Map<String, Object> runs = results.get("runs") instanceof Map<?, ?> r ? (Map<String, Object>) r
                : new LinkedHashMap<>();
        for (String step : options.steps()) {
            runs.put(step, command + " (started " + started + ", load average " + Machine.loadAverage() + ")");
        }
        results.put("runs", runs);
        results.put("options", Map.of("mentions", options.mentions(), "rate", options.rate(), "latencySeconds",
                options.latencySeconds(), "scoringPosts", options.scoringPosts(), "reportMentions",
                options.reportMentions(), "reportDays", options.reportDays(), "serviceJvm",
                String.join(" ", options.jvmOptions()), "jfr", options.jfr()));
        String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + ".";
        List<GeneratedMention> corpus = Corpus.mentions(1, options.mentions());
        List<String> lines = Corpus.lines(corpus);
        if (options.steps().contains("raw")) {
            phase("raw Kafka (the limit)");
            RawKafka.Result raw = new RawKafka(env.kafkaBootstrap(), prefix + "raw.").run(lines, options.rate(), 30);
            results.put("rawKafka", Render.raw(raw));
        }
        if (options.steps().contains("scoring")) {
            phase("scoring per core, ours vs Lingua vs Optimaize");
            results.put("scoring", scoring(Corpus.mentions(3, options.scoringPosts())));
        }
        if (options.steps().contains("throughput") || options.steps().contains("latency")) {
            pipeline(prefix, lines);
        }
        if (options.steps().contains("reports")) {
            reports(prefix);
        }
        results.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("loadAverageAtEnd", Machine.loadAverage());
        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultsFile.toFile(), results);
        Path doc = env.root().resolve(options.doc());
        PerformanceDoc.update(doc, PerformanceDoc.render(results, env.root().relativize(resultsFile.toAbsolutePath())));
        System.err.println("bench: results in " + resultsFile + ", figures in " + doc);
        System.out.println(PerformanceDoc.render(results, env.root().relativize(resultsFile.toAbsolutePath())));
    }

    private void pipeline(String prefix, List<String> lines) throws Exception {
        phase("starting the five services (" + String.join(" ", options.jvmOptions()) + ")");
        Path logs = work.resolve("services");
        ServiceFleet fleet = new ServiceFleet(env, prefix, logs, options.jvmOptions());
        Thread stopper = new Thread(fleet::close, "stop-services");
        // Interrupted (Ctrl-C, TERM): the services started here are stopped too.
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            fleet.start(ServiceFleet.ALL, "_bench", true, options.jfr());
            Map<String, Long> pids = new LinkedHashMap<>(fleet.pids());
            pids.putAll(ResourceSampler.infraPids(vigieHome()));
            PipelineBench bench = new PipelineBench(env, fleet);
            // A short untimed warm-up, so that the JIT and the connection pools are past their start.
            phase(String.format("warm-up (%,d mentions, untimed)", options.warmup()));
            bench.throughput(Corpus.lines(Corpus.mentions(4, options.warmup())), 500, 2, 120);
            settle(bench, pids);
            if (options.steps().contains("throughput")) {
                phase("throughput: " + lines.size() + " mentions as fast as possible");
                PipelineBench.Throughput t = measured("Throughput", pids, () -> bench.throughput(lines, 1000, 2, 120));
                results.put("throughput", Render.throughput(t, results.get("rawKafka")));
            }
            if (options.steps().contains("latency")) {
                phase("latency: " + options.rate() + " mentions/s for " + options.latencySeconds() + " s");
                List<GeneratedMention> paced = Corpus.mentions(2, options.rate() * options.latencySeconds());
                PipelineBench.Latency l = measured("Latency", pids, () -> bench.latency(
                        Corpus.live(paced, Instant.now(), options.rate()), options.rate(), options.latencySeconds(), 120));
                results.put("latency", Render.latency(l));
            }
        } finally {
            fleet.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        if (options.jfr()) {
            Map<String, Object> profiles = new LinkedHashMap<>();
            for (String s : ServiceFleet.ALL) {
                profiles.put(s, Profiles.read(s, fleet.jfrFile(s), 12));
            }
            results.put("profiles", profiles);
            // The recordings are complete once the services have stopped: each timed phase's collections.
            Map<String, Map<String, GcPauses.Usage>> gc = new LinkedHashMap<>();
            for (String s : ServiceFleet.ALL) {
                GcPauses.read(fleet.jfrFile(s), phases).forEach((phase, usage) ->
                        gc.computeIfAbsent(phase, p -> new LinkedHashMap<>()).put(s, usage));
            }
            gc.forEach((phase, byService) -> results.put("gc" + phase, byService));
        }
    }

    /** The compiler threads' share of the JVMs' CPU in a warm-up round under which the services count as settled. */
    static final double SETTLED_JIT_SHARE = 0.10;

    /**
     * Untimed rounds of the latency phase's traffic until the JIT has settled (ADR 0132). Paced requests of a few
     * mentions take other paths than replay chunks, and the JIT compiles long after one round (the compiler threads
     * took 42 % of the JVMs' CPU in the first, 10 % in the eighth): the timed phases are to measure the services' work.
     */
    private void settle(PipelineBench bench, Map<String, Long> pids) throws Exception {
        double share = 1;
        int round = 0;
        while (round < options.settleRounds() && share > SETTLED_JIT_SHARE) {
            int r = ++round;
            phase("warm-up " + r + " (at most " + options.settleRounds() + "): " + options.rate() + " mentions/s for "
                    + options.latencySeconds() + " s, untimed");
            List<GeneratedMention> mentions = Corpus.mentions(5 + r, options.rate() * options.latencySeconds());
            Sampled<?> s = sampled(pids, () -> bench.latency(Corpus.live(mentions, Instant.now(), options.rate()),
                    options.rate(), options.latencySeconds(), 120));
            share = settling(r, s.usage(), s.jit());
        }
        results.put("settling", Map.of("rounds", round, "jitShare", Math.round(share * 1000) / 1000.0,
                "settled", share <= SETTLED_JIT_SHARE));
    }

    /**
     * Prints what a warm-up round cost each process and how much of it went to compiling; answers the compiler
     * threads' share of the JVMs' CPU in the round.
     */
    static double settling(int round, Map<String, ResourceSampler.Usage> usage, Map<String, Double> jit) {
        StringBuilder line = new StringBuilder("bench: warm-up round " + round + ", CPU s (of which JIT):");
        double jvm = 0;
        double compiling = 0;
        for (var e : usage.entrySet()) {
            line.append(String.format(" %s %.1f", e.getKey(), e.getValue().cpuSeconds()));
            if (jit.containsKey(e.getKey())) {
                line.append(String.format(" (%.1f)", jit.get(e.getKey())));
                jvm += e.getValue().cpuSeconds();
                compiling += jit.get(e.getKey());
            }
        }
        double share = jvm > 0 ? compiling / jvm : 0;
        System.err.println(line + String.format("; JIT %.0f %% of the JVMs' CPU", 100 * share));
        return share;
    }

    /** What a piece of work returned, how long it took, what each process used and each JVM spent compiling. */
    private record Sampled<T>(T out, double seconds, Map<String, ResourceSampler.Usage> usage, Map<String, Double> jit) {
    }

    private static <T> Sampled<T> sampled(Map<String, Long> pids, Callable<T> work) throws Exception {
        Map<String, Double> jit = JitTime.read(pids);
        ResourceSampler sampler = new ResourceSampler(pids);
        T out = work.call();
        double seconds = sampler.elapsedSeconds();
        return new Sampled<>(out, seconds, sampler.stop(), JitTime.spent(jit, JitTime.read(pids)));
    }

    /**
     * Runs a timed phase and records what the processes used during it: resources (RSS, CPU), the JVMs' JIT time and
     * PostgreSQL's statements, under {@code resources<Phase>}, {@code jit<Phase>} and {@code statements<Phase>}.
     */
    private <T> T measured(String phase, Map<String, Long> pids, Callable<T> work) throws Exception {
        boolean statements = Statements.reset(env);
        Instant started = Instant.now();
        Sampled<T> s = sampled(pids, work);
        phases.put(phase, new GcPauses.Window(started, Instant.now()));
        results.put("resources" + phase, Render.resources(s.usage(), s.seconds()));
        results.put("jit" + phase, s.jit());
        if (statements) {
            results.put("statements" + phase, Statements.read(env, "_bench", 10));
        }
        return s.out();
    }

    private void reports(String prefix) throws Exception {
        phase("reports over " + options.reportMentions() + " stored mentions");
        ServiceFleet fleet = new ServiceFleet(env, prefix + "reports.", work.resolve("reports"), options.jvmOptions());
        Thread stopper = new Thread(fleet::close, "stop-centres");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            fleet.start(List.of("centres"), "_reports", false, false);
            ReportsBench bench = new ReportsBench(env);
            double load = bench.ensureDataset(options.reportMentions(), options.reportDays());
            Map<String, Long> rows = bench.tableRows();
            List<ReportsBench.Timing> timings = bench.time(fleet.url("centres"), 2, options.repeats());
            results.put("reports", Render.reports(options.reportMentions(), options.reportDays(), load, rows, timings));
        } finally {
            fleet.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    private Map<String, Object> scoring(List<GeneratedMention> posts) throws Exception {
        Path tsv = work.resolve("scoring-posts.tsv");
        List<String> out = new ArrayList<>();
        out.add("lang\tlang_hint\ttext");
        for (GeneratedMention m : posts) {
            String hint = m.mention().lang() == null ? "" : m.mention().lang();
            out.add(m.groundTruth().language().code() + "\t" + hint + "\t"
                    + m.mention().text().replaceAll("[\\t\\r\\n]+", " "));
        }
        Files.write(tsv, out, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(env.root().resolve("services/scoring/bin/scoring-cli").toString(),
                "bench-scoring", "--in", tsv.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("SCORING_CLI_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC");
        Process p = pb.start();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length == 6 && f[0].equals("bench-scoring")) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("scorer", f[1]);
                    row.put("postsPerCpuSecond", Double.parseDouble(f[2]));
                    row.put("postsPerSecondWall", Double.parseDouble(f[3]));
                    row.put("languageAccuracy", Double.parseDouble(f[4]));
                    row.put("posts", Integer.parseInt(f[5]));
                    rows.add(row);
                }
            }
        }
        if (p.waitFor() != 0 || rows.isEmpty()) {
            throw new IllegalStateException("scoring-cli bench-scoring failed (exit " + p.exitValue() + ")");
        }
        return Map.of("scorers", rows, "note", "one thread, CPU time of that thread (= per core), after a warm-up "
                + "of 1,000 posts; language + sentiment + topics + product line of the full TextScorer");
    }

    private Path vigieHome() {
        String home = env.value("VIGIE_HOME");
        return home == null ? env.root().resolve(".run") : Path.of(home);
    }

    private static void phase(String what) {
        System.err.printf(Locale.ROOT, "%n== bench %s: %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), what);
    }
}
