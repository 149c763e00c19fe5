package io.vigie.systemtests;

import io.vigie.testsupport.Infra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The five packaged services running as real processes (prod profile, JVM mode) on the real infrastructure,
 * each on a free port, with the {@code *_test} databases and a topic prefix of their own.
 */
final class VigieServices implements AutoCloseable {

    static final List<String> NAMES = List.of("centres", "ingestion", "scoring", "routing", "workspace");

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final String topicPrefix = "e2e-" + Long.toString(System.currentTimeMillis(), 36) + ".";

    /** Starts every service and waits until each one is ready. */
    static VigieServices start() throws IOException, InterruptedException {
        VigieServices services = new VigieServices();
        try {
            for (String name : NAMES) {
                services.launch(name);
            }
            for (String name : NAMES) {
                // -Dvigie.systemtests.ready-seconds=… overrides the wait (default 300 s).
                services.awaitReady(name, Duration.ofSeconds(Long.getLong("vigie.systemtests.ready-seconds", 300)));
            }
            return services;
        } catch (RuntimeException | IOException | InterruptedException e) {
            services.close();
            throw e;
        }
    }

    /** Base URL of a service, e.g. {@code http://127.0.0.1:41234}. */
    String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    String topicPrefix() {
        return topicPrefix;
    }

    private void launch(String name) throws IOException {
        Infra infra = Infra.get();
        Path root = infra.root();
        Path jar = root.resolve("services/" + name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        int port = freePort();
        ports.put(name, port);
        Path log = root.resolve("services/system-tests/target/" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.putAll(infra.values());
        env.put("VIGIE_TOPIC_PREFIX", topicPrefix);
        env.put("VIGIE_DB_NAME", name + "_test");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("VIGIE_CENTRES_SEED_FILE", root.resolve("infra/sample/centres.json").toString());
        // Routing follows centres.config; the same seed makes it independent of start order. Its clock starts on a
        // Monday at 10:00 UTC, when Montpellier and Bratislava are open, so follow-the-sun does not depend on the day.
        env.put("VIGIE_ROUTING_CENTRES_SEED_FILE", root.resolve("infra/sample/centres.json").toString());
        env.put("VIGIE_ROUTING_CLOCK_START", "2026-11-23T10:00:00Z");
        processes.add(pb.start());
    }

    private void awaitReady(String name, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        Process process = processes.get(NAMES.indexOf(name));
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + "; see services/system-tests/target/" + name + ".log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url(name) + "/q/health/ready").toURL().openConnection();
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
        throw new IllegalStateException(name + " not ready within " + timeout + "; see services/system-tests/target/" + name + ".log");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every process it started: TERM, then KILL after 20 s. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
