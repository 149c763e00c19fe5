package io.vigie.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services started as processes (prod profile, JVM mode, the same JVM options as
 * {@code infra/vigie-services}) on free ports, with {@code <service>_bench} databases cleaned at start and a topic
 * prefix of their own, so that a bench never meets the data of a run, a test or another bench.
 */
public final class ServiceFleet implements AutoCloseable {

    /** The five services, in start order. */
    public static final List<String> ALL = List.of("centres", "ingestion", "scoring", "routing", "workspace");

    private final BenchEnv env;
    private final String topicPrefix;
    private final Path logs;
    private final List<String> jvmOptions;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();

    /**
     * A fleet whose logs (and JFR recordings) go to {@code logs}.
     *
     * @param jvmOptions heap and GC options of every service
     */
    public ServiceFleet(BenchEnv env, String topicPrefix, Path logs, List<String> jvmOptions) {
        this.env = env;
        this.topicPrefix = topicPrefix;
        this.logs = logs;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Starts {@code names} on database {@code <name><dbSuffix>}, each recording a JFR profile when {@code jfr}, and
     * waits until each is ready.
     */
    public void start(List<String> names, String dbSuffix, boolean clean, boolean jfr) throws IOException,
            InterruptedException, SQLException {
        Files.createDirectories(logs);
        for (String name : names) {
            env.ensureDatabase(name + dbSuffix);
            launch(name, name + dbSuffix, clean, jfr);
        }
        for (String name : names) {
            awaitReady(name, Duration.ofSeconds(300));
        }
    }

    /** The name of a Vigie topic in this fleet (its prefix, then {@code name}). */
    public String topic(String name) {
        return topicPrefix + name;
    }

    /** Base URL of a running service. */
    public String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    /** Pids of the running services, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> out = new LinkedHashMap<>();
        processes.forEach((n, p) -> out.put(n, p.pid()));
        return out;
    }

    /** The JFR recording of a service (written when it stops). */
    public Path jfrFile(String name) {
        return logs.resolve(name + ".jfr");
    }

    private void launch(String name, String database, boolean clean, boolean jfr) throws IOException {
        Path jar = env.root().resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (make build)");
        }
        int port = freePort();
        ports.put(name, port);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        if (jfr) {
            // Without debug information at non-safepoints, a sample is charged to the nearest safepoint's frame: the
            // profiles named HashMap$TreeNode.getTreeNode the hottest method of maps that hold no tree bins at all.
            cmd.add("-XX:+UnlockDiagnosticVMOptions");
            cmd.add("-XX:+DebugNonSafepoints");
            cmd.add("-XX:StartFlightRecording=filename=" + jfrFile(name) + ",settings=default,dumponexit=true");
        }
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> e = pb.environment();
        e.putAll(env.values());
        e.put("VIGIE_TOPIC_PREFIX", topicPrefix);
        e.put("VIGIE_DB_NAME", database);
        e.put("QUARKUS_FLYWAY_CLEAN_DISABLED", Boolean.toString(!clean));
        e.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(clean));
        e.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        Path seed = env.root().resolve("infra/sample/centres.json");
        e.put("VIGIE_CENTRES_SEED_FILE", seed.toString());
        e.put("VIGIE_ROUTING_CENTRES_SEED_FILE", seed.toString());
        // Monday 10:00 UTC: Montpellier and Bratislava are open, so routing does not depend on the day or hour of the
        // run. The centres service's clock starts there too: routing reads a centre's expected wait from the status the
        // centres service publishes on its own clock, and on the wall clock a centre closed in the evening looked
        // saturated to routing, which handed its conversations elsewhere (the system tests failed so every evening; the
        // latency phase of 2026-12-07 17:59 UTC straddled 18:00, when Bratislava closes). The centres' seals then never
        // catch up with the live hours: the bench pays the live path only.
        for (String service : List.of("ROUTING", "CENTRES")) {
            e.put("VIGIE_" + service + "_CLOCK_START", "2026-11-23T10:00:00Z");
        }
        processes.put(name, pb.start());
    }

    private void awaitReady(String name, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        Process process = processes.get(name);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + logs.resolve(name + ".log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url(name) + "/q/health/ready").toURL()
                        .openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logs.resolve(name + ".log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops every service it started: TERM (JFR recordings are written then), KILL after 30 s. */
    @Override
    public void close() {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }
}
