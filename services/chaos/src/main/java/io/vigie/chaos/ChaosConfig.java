package io.vigie.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of one chaos run, from the environment that {@code infra/vigie-chaos} prepares (its own VIGIE_HOME,
 * ports and secrets) plus the run's own knobs ({@code CHAOS_*}).
 *
 * @param root          repository root (for infra/vigie-infra and infra/vigie-services)
 * @param home          the chaos instance's VIGIE_HOME
 * @param topicPrefix   prefix of every topic of this run (fresh topics and consumer groups each run)
 * @param threads       conversations (threads) the traffic opens
 * @param seed          seed of the traffic and of the fake networks' transient failures
 * @param maxDuration   the whole run is bounded by this; past it the run fails
 * @param settle        how long to wait, after the last fault, for everything to reach its final place
 */
public record ChaosConfig(Path root, Path home, String topicPrefix, int threads, long seed, Duration maxDuration,
        Duration settle, Map<String, String> env) {

    /** Reads the configuration from the process environment. */
    public static ChaosConfig fromEnv() {
        Map<String, String> env = System.getenv();
        return new ChaosConfig(
                Path.of(env.getOrDefault("CHAOS_ROOT", ".")).toAbsolutePath().normalize(),
                Path.of(required(env, "VIGIE_HOME")),
                required(env, "VIGIE_TOPIC_PREFIX"),
                Integer.parseInt(env.getOrDefault("CHAOS_THREADS", "150")),
                Long.parseLong(env.getOrDefault("CHAOS_SEED", "42")),
                Duration.ofMinutes(Long.parseLong(env.getOrDefault("CHAOS_MAX_MINUTES", "30"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_SETTLE_SECONDS", "300"))),
                env);
    }

    /** A value of the environment, or a clear error. */
    public String value(String key) {
        return required(env, key);
    }

    /** Port of a service of the chaos instance. */
    public int port(String service) {
        return Integer.parseInt(required(env, "VIGIE_" + service.toUpperCase() + "_PORT"));
    }

    private static String required(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(key + " is not set (run through infra/vigie-chaos, i.e. make chaos)");
        }
        return v;
    }
}
