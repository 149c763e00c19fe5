package io.vigie.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts (idempotently) or locates the project's real local Kafka, PostgreSQL and Keycloak through
 * {@code infra/vigie-infra}, and exposes where they listen and their generated credentials.
 */
public final class Infra {

    private static Infra instance;

    private final Path root;
    private final Map<String, String> env;

    private Infra(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    /** The running infrastructure, started on first use if it is not up yet (once per JVM). */
    public static synchronized Infra get() {
        if (instance == null) {
            Path root = repositoryRoot();
            if (!"true".equals(System.getenv("VIGIE_INFRA_STARTED"))) {
                run(root, "start");
            }
            instance = new Infra(root, parseExports(run(root, "env")));
        }
        return instance;
    }

    /** The repository's top folder (the one holding {@code infra/vigie-infra}). */
    public Path root() {
        return root;
    }

    /** A value printed by {@code vigie-infra env}, e.g. {@code VIGIE_DB_PASSWORD}. */
    public String value(String key) {
        String v = env.get(key);
        if (v == null) {
            throw new IllegalStateException("infra/vigie-infra env did not print " + key);
        }
        return v;
    }

    /** All values printed by {@code vigie-infra env}. */
    public Map<String, String> values() {
        return Map.copyOf(env);
    }

    public String kafkaBootstrap() {
        return value("VIGIE_KAFKA_BOOTSTRAP");
    }

    public String oidcUrl() {
        return value("VIGIE_OIDC_URL");
    }

    /** JDBC URL of one of the project's databases, e.g. {@code routing_test}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + value("VIGIE_PG_HOST") + ":" + value("VIGIE_PG_PORT") + "/" + database;
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("infra/vigie-infra"))) {
                return p;
            }
        }
        throw new IllegalStateException("No infra/vigie-infra above " + dir);
    }

    static Map<String, String> parseExports(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith("export ")) {
                l = l.substring("export ".length());
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String v = l.substring(eq + 1);
            if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
                v = v.substring(1, v.length() - 1);
            }
            values.put(l.substring(0, eq), v);
        }
        return values;
    }

    private static String run(Path root, String command) {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("infra/vigie-infra").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("infra/vigie-infra " + command + " failed:\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
