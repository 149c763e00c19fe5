package io.vigie.systemtests;

import io.vigie.testsupport.Infra;
import io.vigie.testsupport.ServiceProcesses;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The five packaged services running as real processes (prod profile, JVM mode) on the real infrastructure,
 * each on a free port, with the {@code *_test} databases and a topic prefix of their own.
 */
final class VigieServices implements AutoCloseable {

    static final List<String> NAMES = List.of("centres", "ingestion", "scoring", "routing", "workspace");

    private final ServiceProcesses processes;

    private VigieServices(ServiceProcesses processes) {
        this.processes = processes;
    }

    /** Starts every service and waits until each one is ready. */
    static VigieServices start() throws IOException, InterruptedException {
        return start("e2e-" + Long.toString(System.currentTimeMillis(), 36) + ".", "services/system-tests/target");
    }

    /**
     * Starts every service with this topic prefix ("" as `make run` does) and waits until each one is ready.
     *
     * @param logs the folder of their logs, relative to the repository
     */
    static VigieServices start(String topicPrefix, String logs) throws IOException, InterruptedException {
        var root = Infra.get().root();
        String seed = root.resolve("infra/sample/centres.json").toString();
        // Routing follows centres.config; the same seed makes it independent of start order. Its clock and the centres
        // service's start on a Monday at 10:00 UTC, when Montpellier and Bratislava are open, so follow-the-sun does not
        // depend on the day or hour: the centres' published status (open, expected wait) is read on the centres' clock,
        // and on the wall clock a closed Bratislava (after 18:00 UTC) looked saturated to routing, which handed its German
        // conversations to Montpellier.
        Map<String, String> env = Map.of("VIGIE_CENTRES_SEED_FILE", seed, "VIGIE_ROUTING_CENTRES_SEED_FILE", seed,
                "VIGIE_ROUTING_CLOCK_START", "2026-11-23T10:00:00Z", "VIGIE_CENTRES_CLOCK_START", "2026-11-23T10:00:00Z");
        // -Dvigie.systemtests.ready-seconds=… overrides the wait (default 300 s).
        return new VigieServices(ServiceProcesses.start(NAMES, topicPrefix, root.resolve(logs), env,
                Duration.ofSeconds(Long.getLong("vigie.systemtests.ready-seconds", 300))));
    }

    /** Base URL of a service, e.g. {@code http://127.0.0.1:41234}. */
    String url(String name) {
        return processes.url(name);
    }

    String topicPrefix() {
        return processes.topicPrefix();
    }

    @Override
    public void close() {
        processes.close();
    }
}
