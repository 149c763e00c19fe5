package io.vigie.testsupport;

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
 * Packaged Vigie services running as real processes (prod profile, JVM mode) on the real infrastructure, each on a
 * free loopback port, with the {@code *_test} databases (cleaned at start) and a topic prefix of their own: the
 * end-to-end tests and the evaluations ({@code make eval-spikes}) run them this way.
 */
public final class ServiceProcesses implements AutoCloseable {

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final String topicPrefix;
    private final Path logs;
    private final Map<String, String> extraEnv;

    private ServiceProcesses(String topicPrefix, Path logs, Map<String, String> extraEnv) {
        this.topicPrefix = topicPrefix;
        this.logs = logs;
        this.extraEnv = extraEnv;
    }

    /**
     * Starts these services (e.g. {@code centres, ingestion, scoring}) and waits until each one is ready.
     *
     * @param names       the services, started in this order
     * @param topicPrefix prefix of every topic they use, e.g. {@code e2e-lx3k.}
     * @param logs        folder of their logs ({@code <name>.log})
     * @param extraEnv    more environment (configuration keys as environment variables)
     * @param ready       how long each may take to be ready
     */
    public static ServiceProcesses start(List<String> names, String topicPrefix, Path logs, Map<String, String> extraEnv,
            Duration ready) throws IOException, InterruptedException {
        ServiceProcesses services = new ServiceProcesses(topicPrefix, logs, Map.copyOf(extraEnv));
        DeclaredTopics.create(Infra.get(), topicPrefix);
        try {
            for (String name : names) {
                services.launch(name);
            }
            for (String name : names) {
                services.awaitReady(name, ready);
            }
            return services;
        } catch (RuntimeException | IOException | InterruptedException e) {
            services.close();
            throw e;
        }
    }

    /** Base URL of a service, e.g. {@code http://127.0.0.1:41234}. */
    public String url(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException(name + " was not started");
        }
        return "http://127.0.0.1:" + port;
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    /** The operating-system process of a service (its pid, for measurements). */
    public Process process(String name) {
        return processes.get(name);
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
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "@" + root.resolve("infra/service.jvm"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.putAll(infra.values());
        env.put("VIGIE_TOPIC_PREFIX", topicPrefix);
        env.put("VIGIE_DB_NAME", name + "_test");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // which partitions each consumer was given, and when: the first thing to read when a record never arrives
        env.put("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA_CLIENTS_CONSUMER_INTERNALS__LEVEL", "INFO");
        env.putAll(extraEnv);
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
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logs.resolve(name + ".log"));
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

    /** Stops every process it started, by its pid: TERM, then KILL after 20 s. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(processes.values());
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
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
