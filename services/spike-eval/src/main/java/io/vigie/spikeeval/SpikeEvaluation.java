package io.vigie.spikeeval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.events.Alert;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.ServiceProcesses;
import io.vigie.testsupport.Tokens;
import io.vigie.traffic.Burst;
import io.vigie.traffic.GeneratedMention;
import io.vigie.traffic.GeneratorOptions;
import io.vigie.traffic.TrafficGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code make eval-spikes}: generates a week of traffic with a daily and weekly rhythm plus the bursts of
 * {@link EvalPlan}, replays it as fast as possible through the real ingestion and scoring services (their own topic
 * prefix and {@code *_test} databases, on the real Kafka, PostgreSQL and Keycloak), reads the alerts, and reports
 * for each burst the detection delay in simulated time and the false alarms per simulated day.
 */
public final class SpikeEvaluation {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The recorded run's days, rate and seed, beside its recording (what an offline replay must score against). */
    private static final String RUN_FILE = "run.json";

    private SpikeEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>(Map.of("days", "7", "per-hour", "1700", "seed", "7",
                "out", "target/eval-spikes", "alerts", ""));
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !opts.containsKey(args[i].substring(2))) {
                System.err.println("usage: eval-spikes [--days N] [--per-hour N] [--seed N] [--out DIR]"
                        + " [--alerts FILE: score these alerts (scoring-cli radar-replay) instead of running the pipeline]; got "
                        + args[i]);
                System.exit(2);
            }
            given.add(args[i].substring(2));
            opts.put(args[i].substring(2), args[++i]);
        }
        Path out = Path.of(opts.get("out")).toAbsolutePath();
        if (!opts.get("alerts").isBlank()) {
            // an offline replay scores the recorded run's week: its days, rate and seed, not the defaults
            Path run = out.resolve(RUN_FILE);
            if (!Files.exists(run)) {
                System.err.println("eval-spikes --alerts: no recorded run in " + out + " (run make eval-spikes first)");
                System.exit(2);
            }
            Map<String, String> recorded = JSON.readValue(run.toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            for (String k : List.of("days", "per-hour", "seed")) {
                if (given.contains(k) && Double.parseDouble(opts.get(k)) != Double.parseDouble(recorded.get(k))) {
                    System.err.println("eval-spikes --alerts: the recorded run used --" + k + " " + recorded.get(k)
                            + ", not " + opts.get(k));
                    System.exit(2);
                }
                opts.put(k, k.equals("per-hour") ? recorded.get(k) : String.valueOf((long) Double.parseDouble(recorded.get(k))));
            }
        }
        int days = Integer.parseInt(opts.get("days"));
        double perHour = Double.parseDouble(opts.get("per-hour"));
        long seed = Long.parseLong(opts.get("seed"));
        Files.createDirectories(out);
        String alertsFile = opts.get("alerts");
        System.exit(run(days, perHour, seed, out, alertsFile.isBlank() ? null : Path.of(alertsFile)));
    }

    /**
     * @param replayedAlerts null: the pipeline run; otherwise the alerts of an offline replay of a recorded run (the
     *                       same days, rate and seed, and the watchlist ids that run recorded in {@code out})
     */
    static int run(int days, double perHour, long seed, Path out, Path replayedAlerts) throws Exception {
        Instant end = EvalPlan.START.plus(Duration.ofDays(days));
        List<EvalPlan.Planned> plan = EvalPlan.BURSTS.stream().filter(p -> p.start().plus(p.duration()).isBefore(end))
                .toList();
        GeneratorOptions baseline = new GeneratorOptions(seed, EvalPlan.START, days * 24, perHour, null, 300);
        say("1/5 measuring each subject's baseline and the bursts' posts (%d days at %.0f posts/hour)", days, perHour);
        Map<String, Double> baselinePerMinute = baselineRates(baseline, plan);
        List<Burst> bursts = new ArrayList<>();
        for (EvalPlan.Planned p : plan) {
            double share = matchingShare(p, seed);
            double wanted = p.factor() > 0 ? Math.max(0.2, (p.factor() - 1) * baselinePerMinute.get(p.id()))
                    : p.fixedPerMinute();
            bursts.add(new Burst(p.id(), p.start(), p.duration(), p.shape(), wanted / share, p.focus(),
                    p.focusSubject(), p.language()));
        }

        Path replay = out.resolve("week.jsonl");
        Set<String> burstPosts = new HashSet<>();
        Map<String, Integer> burstCounts = new LinkedHashMap<>();
        long lines = 0;
        // An offline replay needs the bursts' posts, not the file: the recorded run's week.jsonl is left as it is.
        say(replayedAlerts == null ? "2/5 writing %s" : "2/5 generating the week of %s again (not written)", replay);
        Map<String, EvalPlan.Planned> byId = new HashMap<>();
        plan.forEach(p -> byId.put(p.id(), p));
        try (BufferedWriter w = new BufferedWriter(replayedAlerts == null
                ? Files.newBufferedWriter(replay, StandardCharsets.UTF_8) : java.io.Writer.nullWriter())) {
            for (GeneratedMention g : (Iterable<GeneratedMention>) new TrafficGenerator(baseline.withBursts(bursts))
                    .stream()::iterator) {
                String burst = g.groundTruth().burst();
                if (burst != null) {
                    if (!byId.get(burst).matches(g)) {
                        continue; // keep a burst to its subject
                    }
                    burstPosts.add(g.mention().network() + ":" + g.mention().id());
                    burstCounts.merge(burst, 1, Integer::sum);
                }
                w.write(g.toJsonLine());
                w.newLine();
                lines++;
            }
        }

        Path watchlistFile = out.resolve("watchlists.json");
        Path recording = out.resolve("radar-input.jsonl");
        Duration replayTook;
        List<Alert> alerts;
        String radarStatus;
        Map<String, String> watchlistIds = new LinkedHashMap<>();
        if (replayedAlerts != null) {
            say("3/5 scoring the alerts of %s (an offline replay of %s)", replayedAlerts, recording);
            watchlistIds.putAll(JSON.readValue(watchlistFile.toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { }));
            alerts = new ArrayList<>();
            for (String line : Files.readAllLines(replayedAlerts, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    alerts.add(JSON.readValue(line, Alert.class));
                }
            }
            return report(plan, baselinePerMinute, watchlistIds, burstCounts, burstPosts, alerts, days, perHour, seed,
                    lines, "counted by the radar alone, offline, as the last pipeline run recorded them ("
                    + recording.getFileName() + ", scoring-cli radar-replay)", "", out.resolve("report-replayed.md"));
        }
        String prefix = "eval-" + Long.toString(System.currentTimeMillis(), 36) + ".";
        Path root = Infra.get().root();
        say("3/5 starting centres, ingestion and scoring (topic prefix %s, logs in %s)", prefix, out);
        Files.deleteIfExists(recording);
        // the scoring instance records what its radar counts, for offline replays of this run (scoring-cli radar-replay)
        Map<String, String> env = Map.of("VIGIE_CENTRES_SEED_FILE", root.resolve("infra/sample/centres.json").toString(),
                "VIGIE_INGESTION_WATCHLISTS_REFRESH", "1s", "VIGIE_RADAR_RECORD", recording.toString());
        Instant replayStart;
        try (ServiceProcesses services = ServiceProcesses.start(List.of("centres", "ingestion", "scoring"), prefix,
                out.resolve("logs"), env, Duration.ofSeconds(300))) {
            for (EvalPlan.Watchlist wl : EvalPlan.WATCHLISTS) {
                JsonNode created = JSON.readTree(post(services.url("ingestion") + "/api/admin/watchlists",
                        Tokens.forUser("vigie-admin"), "application/json",
                        JSON.writeValueAsString(Map.of("name", wl.name(), "query", wl.query())), 201));
                watchlistIds.put(wl.name(), created.get("id").asText());
            }
            JSON.writeValue(watchlistFile.toFile(), watchlistIds);
            JSON.writeValue(out.resolve(RUN_FILE).toFile(), Map.of("days", String.valueOf(days), "per-hour",
                    String.valueOf(perHour), "seed", String.valueOf(seed)));
            say("4/5 replaying %,d posts as fast as possible", lines);
            replayStart = Instant.now();
            replayAll(services.url("ingestion"), replay);
            replayTook = Duration.between(replayStart, Instant.now());
            say("    replayed in %s (%.0f posts/s); waiting for the radar's clock to reach %s", replayTook,
                    lines / Math.max(1.0, replayTook.toMillis() / 1000.0), end.minusSeconds(600));
            awaitClock(services.url("scoring"), end.minusSeconds(600), Duration.ofMinutes(60));
            alerts = readAlerts(Infra.get().kafkaBootstrap(), prefix + "alerts");
            radarStatus = get(services.url("scoring") + "/api/radar", "vigie-admin");
        }

        return report(plan, baselinePerMinute, watchlistIds, burstCounts, burstPosts, alerts, days, perHour, seed,
                lines, "replayed through ingestion and scoring in " + replayTook.toSeconds() + " s",
                "\nThe radar at the end (`GET /api/radar`): " + radarStatus + "\n", out.resolve("report.md"));
    }

    private static int report(List<EvalPlan.Planned> plan, Map<String, Double> baselinePerMinute,
            Map<String, String> watchlistIds, Map<String, Integer> burstCounts, Set<String> burstPosts,
            List<Alert> alerts, int days, double perHour, long seed, long lines, String how, String radar,
            Path file) throws IOException {
        say("5/5 scoring %d alerts", alerts.size());
        List<Scorecard.BurstWindow> windows = new ArrayList<>();
        for (EvalPlan.Planned p : plan) {
            String subject = p.subjectKind().equals("watchlist") ? watchlistIds.get(p.subject()) : p.subject();
            double base = baselinePerMinute.get(p.id());
            double realized = base <= 0 ? 0 : (base + burstCounts.getOrDefault(p.id(), 0)
                    / (double) p.duration().toMinutes() / (p.shape() == Burst.Shape.RAMP ? 0.5 : 1)) / base;
            windows.add(new Scorecard.BurstWindow(p.id(), p.subjectKind(), subject, p.start(), p.start().plus(p.duration()),
                    realized, base, p.shape().name().toLowerCase(Locale.ROOT), p.language().code()));
        }
        Scorecard.Result result = Scorecard.score(windows, alerts, burstPosts, days, EvalPlan.WATCHLISTS.size());
        String report = Report.markdown(result, days, perHour, seed, lines, how, watchlistIds) + radar;
        Files.writeString(file, report);
        System.out.println(report);
        return 0;
    }

    /** Posts of each burst's subject per minute in the hour before it starts, in the baseline. */
    private static Map<String, Double> baselineRates(GeneratorOptions baseline, List<EvalPlan.Planned> plan) {
        Map<String, Integer> counts = new HashMap<>();
        new TrafficGenerator(baseline).stream().forEach(g -> {
            for (EvalPlan.Planned p : plan) {
                Instant s = p.start();
                if (!g.createdAt().isBefore(s.minus(Duration.ofHours(1))) && g.createdAt().isBefore(s) && p.matches(g)) {
                    counts.merge(p.id(), 1, Integer::sum);
                }
            }
        });
        Map<String, Double> rates = new HashMap<>();
        plan.forEach(p -> rates.put(p.id(), counts.getOrDefault(p.id(), 0) / 60.0));
        return rates;
    }

    /** Share of a burst's generated posts that match its subject (a pilot of the same focus and language). */
    private static double matchingShare(EvalPlan.Planned p, long seed) {
        Burst pilot = new Burst(p.id(), EvalPlan.START, Duration.ofMinutes(10), Burst.Shape.STEP, 200, p.focus(),
                p.focusSubject(), p.language());
        GeneratorOptions options = new GeneratorOptions(seed + 1000, EvalPlan.START, 1, 1, null, 300).withBursts(List.of(pilot));
        long[] n = new long[2];
        new TrafficGenerator(options).stream().filter(g -> p.id().equals(g.groundTruth().burst())).forEach(g -> {
            n[0]++;
            n[1] += p.matches(g) ? 1 : 0;
        });
        double share = n[0] == 0 ? 0 : (double) n[1] / n[0];
        if (share < 0.02) {
            throw new IllegalStateException("burst " + p.id() + ": only " + n[1] + " of " + n[0]
                    + " generated posts match its subject; the plan does not fit the generator");
        }
        return share;
    }

    private static void replayAll(String ingestion, Path file) throws IOException, InterruptedException {
        List<String> chunk = new ArrayList<>(2000);
        long total = 0;
        long accepted = 0;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                chunk.add(line);
                if (chunk.size() == 2000) {
                    accepted += send(ingestion, chunk);
                    total += chunk.size();
                    chunk.clear();
                    if (total % 40_000 == 0) {
                        say("    %,d posts sent", total);
                    }
                }
            }
        }
        if (!chunk.isEmpty()) {
            accepted += send(ingestion, chunk);
            total += chunk.size();
        }
        say("    %,d posts sent, %,d accepted", total, accepted);
    }

    private static long send(String ingestion, List<String> lines) throws IOException, InterruptedException {
        String body = String.join("\n", lines) + "\n";
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode r = JSON.readTree(post(ingestion + "/api/mentions/replay", Tokens.forClient(),
                        "application/x-ndjson", body, 200));
                return r.path("accepted").asLong();
            } catch (IllegalStateException e) {
                if (attempt >= 3 || !e.getMessage().contains("401")) {
                    throw e;
                }
                Tokens.forget(); // an expired token: a fresh one
            }
        }
    }

    private static void awaitClock(String scoring, Instant target, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Instant last = null;
        Instant lastMove = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = JSON.readTree(get(scoring + "/api/radar", "vigie-admin"));
            Instant clock = status.path("clock").isMissingNode() || status.path("clock").isNull() ? null
                    : Instant.parse(status.path("clock").asText());
            if (clock != null && !clock.isBefore(target)) {
                Thread.sleep(3000); // the last events of the tick reach the outbox and the topic
                return;
            }
            if (clock != null && !clock.equals(last)) {
                last = clock;
                lastMove = Instant.now();
            } else if (Duration.between(lastMove, Instant.now()).toMinutes() >= 5) {
                throw new IllegalStateException("the radar's clock stopped at " + clock + " before " + target);
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the radar's clock did not reach " + target + " within " + timeout);
    }

    /**
     * Every alert on the topic, read up to the end offsets it has now: assigned partitions, no consumer group to join
     * and no quiet period to wait for (a 10-second quiet period read nothing at all on a machine at load 25, where
     * joining the group alone took longer).
     */
    private static List<Alert> readAlerts(String bootstrap, String topic) throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(2)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // the relay publishes the outbox a tick after the radar's clock reached the end: wait for the end
            // offsets to hold still for 15 s
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofMinutes(2));
            Instant stableSince = Instant.now();
            while (Duration.between(stableSince, Instant.now()).toSeconds() < 15) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                Map<TopicPartition, Long> now = consumer.endOffsets(partitions, Duration.ofMinutes(2));
                if (!now.equals(end)) {
                    end = now;
                    stableSince = Instant.now();
                }
            }
            Map<TopicPartition, Long> last = end;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, Duration.ofMinutes(2)) < last.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("alerts of " + topic + " not read to " + last + " within 10 minutes");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < last.get(new TopicPartition(r.topic(), r.partition()))) {
                        alerts.add(JSON.readValue(r.value(), Alert.class));
                    }
                }
            }
        }
        say("    %d alerts read from %s", alerts.size(), topic);
        return alerts;
    }

    private static String post(String url, String token, String type, String body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String get(String url, String user) throws IOException, InterruptedException {
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + Tokens.forUser(user)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 401) {
                break;
            }
            Tokens.forget(); // an expired token: a fresh one
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static void say(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
