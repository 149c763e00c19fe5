package io.vigie.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The chaos instance's processes and APIs: infra/vigie-infra and infra/vigie-services, real tokens, HTTP calls. */
public final class Vigie {

    /** An HTTP answer; status -1 when the service could not be reached. */
    public record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private record CachedToken(String token, Instant obtained) {
    }

    private final ChaosConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> extraEnv = new ConcurrentHashMap<>();

    public Vigie(ChaosConfig config) {
        this.config = config;
    }

    /** Adds a variable to the environment of the processes started from now on (e.g. the fake networks' URL). */
    public void environment(String key, String value) {
        extraEnv.put(key, value);
    }

    /** Values added with {@link #environment} that are secrets (tokens of the fake networks). */
    public List<String> extraSecrets() {
        return extraEnv.entrySet().stream().filter(e -> e.getKey().endsWith("TOKEN")).map(Map.Entry::getValue).toList();
    }

    /** Runs {@code infra/<script> args…} with the chaos environment; returns its exit code (output to the log). */
    public int script(String script, String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(config.root().resolve("infra/" + script).toString());
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(config.root().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.home().resolve("logs/chaos-steps.log").toFile()))
                    .redirectErrorStream(true);
            pb.environment().putAll(extraEnv);
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Output of {@code infra/vigie-infra token …}: a real access token, renewed every five minutes. */
    public String token(String who) {
        CachedToken t = tokens.get(who);
        if (t != null && t.obtained().isAfter(Instant.now().minusSeconds(300))) {
            return t.token();
        }
        List<String> cmd = List.of(config.root().resolve("infra/vigie-infra").toString(), "token", who);
        try {
            Process p = new ProcessBuilder(cmd).directory(config.root().toFile()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("no token for " + who);
            }
            tokens.put(who, new CachedToken(out, Instant.now()));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pid of a running service of the chaos instance (from its pid file), or -1. */
    public long servicePid(String service) {
        try {
            return Long.parseLong(java.nio.file.Files.readString(config.home().resolve("pids/service-" + service + ".pid")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** An HTTP call to a service of the chaos instance, as {@code who} (null: anonymous). */
    public Answer call(String service, String method, String path, String who, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.port(service) + path))
                .timeout(Duration.ofSeconds(60));
        try {
            if (who != null) {
                b.header("Authorization", "Bearer " + token(who));
            }
            if (body != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException | IllegalStateException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    /** True when the service answers its readiness check. */
    public boolean ready(String service) {
        return call(service, "GET", "/q/health/ready", null, null, null).status() == 200;
    }
}
