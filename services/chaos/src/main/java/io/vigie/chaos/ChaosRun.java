package io.vigie.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code make chaos}: replays a stream of mentions into a Vigie of its own while it kills each service with
 * SIGKILL and restarts it, restarts the Kafka broker and PostgreSQL, and scripted agents answer; then checks
 * and prints that nothing was lost, duplicated, posted twice or left without its SLA clock.
 */
public final class ChaosRun {

    private static final List<String> SERVICES = List.of("ingestion", "scoring", "routing", "workspace", "centres");
    private static final List<String> AGENTS = List.of("agent-austin", "agent-montpellier", "agent-bratislava", "agent-sao-paulo");

    private final ChaosConfig config;
    private final Vigie vigie;
    private final Observer observer;
    private final Instant start = Instant.now();
    private final List<String> faults = new ArrayList<>();
    private final Set<String> poison = new TreeSet<>();
    private final Map<String, Integer> sendStats = new ConcurrentHashMap<>();

    ChaosRun(ChaosConfig config) {
        this.config = config;
        this.vigie = new Vigie(config);
        this.observer = new Observer(config);
    }

    public static void main(String[] args) throws Exception {
        ChaosConfig config = ChaosConfig.fromEnv();
        boolean passed = new ChaosRun(config).run();
        System.exit(passed ? 0 : 1);
    }

    boolean run() throws Exception {
        String runId = Long.toString(System.currentTimeMillis() % 100_000);
        String xToken = secret();
        String metaToken = secret();
        List<Traffic.Line> traffic = Traffic.generate(config.seed(), config.threads(), runId);
        say("chaos: %d lines (%d threads), topic prefix %s, fake networks answer 5%% of posts with 503",
                traffic.size(), config.threads(), config.topicPrefix());
        try (FakeNetworks networks = new FakeNetworks(config.seed(), 0.05, xToken, metaToken)) {
            vigie.environment("VIGIE_INGESTION_X_BASE_URL", networks.baseUrl());
            vigie.environment("VIGIE_INGESTION_X_USER_TOKEN", xToken);
            vigie.environment("VIGIE_INGESTION_META_BASE_URL", networks.baseUrl());
            vigie.environment("VIGIE_INGESTION_META_ACCESS_TOKEN", metaToken);
            vigie.environment("VIGIE_INGESTION_OUTBOUND_INITIAL_BACKOFF", "1s");
            step("start the five services", () -> require(vigie.script("vigie-services", "start") == 0, "services did not start"));
            Agents agents = new Agents(vigie, AGENTS);
            Thread agentThread = new Thread(agents, "agents");
            agentThread.start();
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread sender = new Thread(() -> send(traffic, sending), "sender");
            sender.start();
            sendPoison(runId, 0);

            for (String s : SERVICES) {
                pause(Duration.ofSeconds(10));
                kill(s);
            }
            pause(Duration.ofSeconds(10));
            restartInfra("kafka");
            sendPoison(runId, 1);
            pause(Duration.ofSeconds(10));
            restartInfra("postgres");
            sender.join(Duration.ofMinutes(10).toMillis());
            sending.set(false);
            say("chaos: faults done at +%ds; traffic sent: %s", elapsed(), sendStats);

            Observations o = settle(traffic, agents, networks);
            agents.stop();
            agentThread.join(30_000);
            List<Verdict.Check> checks = Verdict.of(o);
            return report(checks, agents, networks, traffic);
        }
    }

    /** Replays the traffic in chunks of eight lines, one chunk every 1.5 s; a chunk that fails is sent again. */
    private void send(List<Traffic.Line> traffic, AtomicBoolean sending) {
        for (int i = 0; i < traffic.size() && sending.get(); i += 8) {
            StringBuilder chunk = new StringBuilder();
            for (Traffic.Line l : traffic.subList(i, Math.min(traffic.size(), i + 8))) {
                chunk.append(l.json()).append('\n');
            }
            int attempts = 0;
            while (sending.get()) {
                attempts++;
                Vigie.Answer a = vigie.call("ingestion", "POST", "/api/mentions/replay", "--client", "application/x-ndjson", chunk.toString());
                if (a.ok()) {
                    sendStats.merge("chunks accepted", 1, Integer::sum);
                    break;
                }
                sendStats.merge("chunk attempts refused (" + (a.status() < 0 ? "unreachable" : a.status()) + ")", 1, Integer::sum);
                pause(Duration.ofMillis(Math.min(5000, 500L * attempts)));
            }
            pause(Duration.ofMillis(1500));
        }
    }

    /** Records no producer of Vigie would write, put on mentions.raw directly: each must be dead-lettered. */
    private void sendPoison(String runId, int round) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.value("VIGIE_KAFKA_BOOTSTRAP"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        String topic = config.topicPrefix() + "mentions.raw";
        String base = "poison-" + runId + "-" + round + "-";
        Map<String, String> records = new LinkedHashMap<>();
        records.put("x:" + base + "1", "this is not JSON {");
        records.put("x:" + base + "2", "[1,2,3]");
        records.put("x:" + base + "3", "{\"version\":99,\"network\":\"x\",\"nativeId\":\"" + base + "3\",\"text\":\"from the future\"}");
        records.put("x:" + base + "4", "{\"version\":1,\"network\":\"x\",\"nativeId\":\"" + base + "4\",\"text\":\"hi?\",\"createdAt\":\"yesterday\"}");
        records.put("x:" + base + "5", "{\"version\":1,\"network\":\"x\",\"text\":\"no id?\"}");
        records.put("x:" + base + "6", "");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (Map.Entry<String, String> e : records.entrySet()) {
                producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue())).get();
                poison.add(e.getKey());
            }
        } catch (Exception e) {
            say("chaos: could not send poison records: %s", e);
        }
    }

    private void kill(String service) {
        long pid = vigie.servicePid(service);
        Instant t0 = Instant.now();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        pause(Duration.ofSeconds(4));
        int rc = vigie.script("vigie-services", "start", service);
        faults.add(String.format("SIGKILL %-9s (pid %d) at +%3ds, ready again after %5.1f s%s", service, pid,
                Duration.between(start, t0).toSeconds(), Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                rc == 0 ? "" : " (restart FAILED)"));
        say("chaos: %s", faults.get(faults.size() - 1));
    }

    private void restartInfra(String component) {
        Instant t0 = Instant.now();
        int stop = vigie.script("vigie-infra", "stop", component);
        pause(Duration.ofSeconds(4));
        int startRc = vigie.script("vigie-infra", "start", component);
        faults.add(String.format("restart %-9s at +%3ds, back after %5.1f s%s", component,
                Duration.between(start, t0).toSeconds(), Duration.between(t0, Instant.now()).toMillis() / 1000.0,
                stop == 0 && startRc == 0 ? "" : " (FAILED)"));
        say("chaos: %s", faults.get(faults.size() - 1));
    }

    /** Waits until every check holds and the agents have stopped finding work, or until the settle time ends. */
    private Observations settle(List<Traffic.Line> traffic, Agents agents, FakeNetworks networks) {
        Instant deadline = Instant.now().plus(config.settle());
        Instant bound = start.plus(config.maxDuration());
        if (bound.isBefore(deadline)) {
            deadline = bound;
        }
        int lastReplies = -1;
        Instant stableSince = Instant.now();
        Observations o = null;
        while (true) {
            try {
                o = observe(traffic, agents, networks);
                boolean ok = Verdict.of(o).stream().allMatch(Verdict.Check::passed);
                if (o.replies().size() != lastReplies || agents.uncertain() > 0) {
                    lastReplies = o.replies().size();
                    stableSince = Instant.now();
                }
                if (ok && Duration.between(stableSince, Instant.now()).toSeconds() >= 20) {
                    say("chaos: everything in place at +%ds", elapsed());
                    return o;
                }
            } catch (RuntimeException e) {
                say("chaos: observation failed (%s); again", e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                say("chaos: settle time over at +%ds", elapsed());
                return o != null ? o : observe(traffic, agents, networks);
            }
            pause(Duration.ofSeconds(10));
        }
    }

    private Observations observe(List<Traffic.Line> traffic, Agents agents, FakeNetworks networks) {
        Map<String, String> sentValid = new LinkedHashMap<>();
        for (Traffic.Line l : traffic) {
            if (l.valid()) {
                sentValid.put(l.key(), l.conversationKey());
            }
        }
        List<String> secrets = new ArrayList<>(secretsOfTheInstance());
        vigie.extraSecrets().forEach(secrets::add);
        return new Observations(sentValid, observer.accepted(), observer.threaded(), observer.deadLetters(), Set.copyOf(poison),
                observer.workspaceInbound(), observer.conversations(), observer.workspaceSla(), agents.sent(),
                observer.replyStatus(), networks.received(), observer.logsWithSecrets(secrets));
    }

    /** Every value of the instance's secrets.env (database, Keycloak admin, client secret, demo password). */
    private List<String> secretsOfTheInstance() {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(config.home().resolve("secrets.env"))) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    out.add(line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + config.home().resolve("secrets.env"), e);
        }
        return out;
    }

    private boolean report(List<Verdict.Check> checks, Agents agents, FakeNetworks networks, List<Traffic.Line> traffic) {
        StringBuilder b = new StringBuilder();
        b.append("\n================ make chaos: ").append(Instant.now()).append(" ================\n");
        b.append(String.format("duration %d s; %d lines replayed (%d threads), %d poison records; seed %d%n", elapsed(),
                traffic.size(), config.threads(), poison.size(), config.seed()));
        b.append("faults:\n");
        faults.forEach(f -> b.append("  ").append(f).append('\n'));
        b.append(String.format("traffic: %s%n", sendStats));
        b.append(String.format("agents: %d replies accepted, %d refused by the API or the policy, %d answers lost and looked up%n",
                agents.sent().size(), agents.refused(), agents.lostAnswers()));
        b.append(String.format("fake networks: %d distinct replies received, %d posts answered 503, %d refused as unauthorised%n",
                networks.received().size(), networks.transientFailures(), networks.unauthorized()));
        boolean all = true;
        for (Verdict.Check c : checks) {
            all &= c.passed();
            b.append(String.format("[%s] %s %s%n", c.passed() ? "PASS" : "FAIL", c.name(), c.figures()));
            c.offenders().forEach(x -> b.append("        ").append(x).append('\n'));
        }
        b.append(all ? "chaos: all checks passed\n" : "chaos: SOME CHECKS FAILED\n");
        System.out.print(b);
        try {
            Files.writeString(config.home().resolve("chaos-report.txt"), b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            say("chaos: cannot write the report: %s", e);
        }
        return all;
    }

    private void step(String what, Runnable r) {
        say("chaos: %s", what);
        r.run();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private long elapsed() {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    private static String secret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }

    /** The scenario's pauses: time for traffic to flow between faults (the faults' rhythm, not a wait for an outcome). */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
