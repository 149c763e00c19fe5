package io.vigie.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Drives the running services: replays generated mentions into ingestion's intake (as fast as possible, or at a
 * fixed rate) and reads from the workspace's database when each one entered an agent's queue.
 */
public final class PipelineBench {

    private static final Pattern COUNTS = Pattern.compile("\"accepted\":(\\d+),\"duplicates\":(\\d+),\"rejected\":(\\d+)");

    private final BenchEnv env;
    private final ServiceFleet fleet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Over a started fleet. */
    public PipelineBench(BenchEnv env, ServiceFleet fleet) {
        this.env = env;
        this.fleet = fleet;
    }

    /** Figures of the throughput phase. */
    public record Throughput(int sent, long accepted, long stored, double acceptSeconds, double endToEndSeconds,
            double meanRate, double sustainedRate, double acceptRate, double scoredRate) {
    }

    /** Figures of the latency phase, milliseconds from ingestion's accept to the workspace's store. */
    public record Latency(int rate, int seconds, long accepted, long stored, double achievedRate, Stats ms, Hops hops) {
    }

    /**
     * The same mentions' latency hop by hop, milliseconds: ingestion's accept to scoring's {@code scoredAt} (the raw
     * topic and scoring), to the timestamp of routing's record on the routed topic (the scored topic and routing, its
     * outbox included), to the workspace's store (the routed topic and the workspace).
     */
    public record Hops(Stats acceptToScored, Stats scoredToRouted, Stats routedToStored) {
    }

    /**
     * Replays {@code lines} in chunks of {@code chunk} over {@code connections} parallel requests, then waits until
     * the workspace has stored every accepted mention (or nothing moved for {@code stallSeconds}).
     */
    public Throughput throughput(List<String> lines, int chunk, int connections, int stallSeconds) throws Exception {
        Instant since = databaseNow();
        long heldBefore = routingHeld();
        String token = env.clientToken();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += chunk) {
            bodies.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + chunk))) + "\n");
        }
        AtomicLong accepted = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String body : bodies) {
                done.add(pool.submit(() -> {
                    accepted.addAndGet(replay(token, body));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double acceptSeconds = (System.nanoTime() - t0) / 1e9;
        long stored = awaitStored(since, heldBefore, accepted.get(), stallSeconds);
        try (Connection c = env.database("workspace_bench"); Statement st = c.createStatement()) {
            // Stored-at of every message of the phase, in order: the mean rate from the first accept to the last
            // store, and the sustained rate between the 10th and the 90th percentile of the stores.
            ResultSet rs = st.executeQuery("select extract(epoch from min(accepted_at)) a0, "
                    + "extract(epoch from max(stored_at)) s1, "
                    + "extract(epoch from percentile_disc(0.1) within group (order by stored_at)) s10, "
                    + "extract(epoch from percentile_disc(0.9) within group (order by stored_at)) s90 "
                    + "from message where direction = 'inbound' and accepted_at >= to_timestamp(" + since.toEpochMilli() / 1000.0 + ")");
            rs.next();
            double a0 = rs.getDouble("a0");
            double s1 = rs.getDouble("s1");
            double s10 = rs.getDouble("s10");
            double s90 = rs.getDouble("s90");
            double e2e = s1 - a0;
            return new Throughput(lines.size(), accepted.get(), stored, acceptSeconds, e2e, stored / e2e,
                    0.8 * stored / (s90 - s10), accepted.get() / acceptSeconds, sustained("scoring_bench",
                            "scored_mention", "scored_at", since));
        }
    }

    /** Rate between the 10th and the 90th percentile of a stage's own timestamps since {@code since}. */
    private double sustained(String database, String table, String column, Instant since) throws SQLException {
        try (Connection c = env.database(database); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select count(*), extract(epoch from percentile_disc(0.9) within group (order by "
                    + column + ") - percentile_disc(0.1) within group (order by " + column + ")) from " + table
                    + " where " + column + " >= to_timestamp(" + since.toEpochMilli() / 1000.0 + ")");
            rs.next();
            return 0.8 * rs.getLong(1) / rs.getDouble(2);
        }
    }

    /**
     * Replays {@code lines} at {@code rate} mentions per second for {@code seconds} (open loop: a request is due at
     * its time whatever the previous ones took), chunks of {@code rate / 50}, then reads each mention's latency.
     */
    public Latency latency(List<String> lines, int rate, int seconds, int stallSeconds) throws Exception {
        int count = rate * seconds;
        if (lines.size() < count) {
            throw new IllegalArgumentException(count + " mentions needed, " + lines.size() + " given");
        }
        Instant since = databaseNow();
        long heldBefore = routingHeld();
        String token = env.clientToken();
        int perRequest = Math.max(1, rate / 50);
        AtomicLong accepted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0, n = 0; i < count; i += perRequest, n++) {
                long due = t0 + (long) (i * 1e9 / rate);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000));
                }
                String body = String.join("\n", lines.subList(i, Math.min(count, i + perRequest))) + "\n";
                done.add(pool.submit(() -> {
                    accepted.addAndGet(replay(token, body));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        long stored = awaitStored(since, heldBefore, accepted.get(), stallSeconds);
        List<Double> ms = new ArrayList<>();
        Map<String, Instant> storedAt = new HashMap<>();
        try (Connection c = env.database("workspace_bench"); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select extract(epoch from stored_at - accepted_at) * 1000, mention_key, "
                    + "stored_at from message where direction = 'inbound' and accepted_at >= to_timestamp("
                    + since.toEpochMilli() / 1000.0 + ")");
            while (rs.next()) {
                ms.add(rs.getDouble(1));
                storedAt.put(rs.getString(2), rs.getTimestamp(3).toInstant());
            }
        }
        return new Latency(rate, seconds, accepted.get(), stored, accepted.get() / sendSeconds,
                new Stats(ms.stream().mapToDouble(Double::doubleValue).toArray()), hops(since, storedAt));
    }

    /**
     * Reads the decisions routed since {@code since} that carried a message, and the hops of each message the
     * workspace stored ({@code storedAt}, by mention key). A message routed twice counts once, by its first decision.
     */
    Hops hops(Instant since, Map<String, Instant> storedAt) throws IOException {
        Map<String, Instant[]> stamps = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        String topic = fleet.topic("conversations.routed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(tp -> at.put(tp, since.minusSeconds(5).toEpochMilli()));
            consumer.offsetsForTimes(at).forEach((tp, found) -> consumer.seek(tp, found == null ? end.get(tp)
                    : found.offset()));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode d = JSON.readTree(r.value());
                    JsonNode m = d.path("message");
                    JsonNode mention = m.path("mention");
                    if (mention.isMissingNode() || mention.isNull()) {
                        continue;
                    }
                    String key = mention.path("network").asText() + ":" + mention.path("nativeId").asText();
                    // the record's timestamp, when routing sent it: routedAt is read on routing's clock, which the
                    // bench starts at the generated traffic's epoch (vigie.routing.clock-start)
                    Instant routed = Instant.ofEpochMilli(r.timestamp());
                    Instant[] known = stamps.get(key);
                    if (known == null || routed.isBefore(known[2])) {
                        stamps.put(key, new Instant[] {Instant.parse(mention.path("acceptedAt").asText()),
                                Instant.parse(m.path("scoredAt").asText()), routed});
                    }
                }
            }
        }
        List<double[]> hops = new ArrayList<>();
        storedAt.forEach((key, stored) -> {
            Instant[] s = stamps.get(key);
            if (s != null) {
                hops.add(new double[] {millis(s[0], s[1]), millis(s[1], s[2]), millis(s[2], stored)});
            }
        });
        return new Hops(column(hops, 0), column(hops, 1), column(hops, 2));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static Stats column(List<double[]> rows, int i) {
        return new Stats(rows.stream().mapToDouble(r -> r[i]).toArray());
    }

    private long replay(String token, String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(fleet.url("ingestion") + "/api/mentions/replay"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        Matcher m = COUNTS.matcher(res.body());
        if (res.statusCode() != 200 || !m.find()) {
            throw new IOException("ingestion answered HTTP " + res.statusCode() + ": " + res.body());
        }
        if (!"0".equals(m.group(3))) {
            throw new IOException("ingestion rejected posts of the generator: " + res.body());
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Waits until the workspace has stored the messages accepted since {@code since}, less those routing holds in
     * conversations no centre may take (beyond the {@code heldBefore} messages held when the phase started: e.g. a
     * Slovak post in a US-only space waits for a centre that covers it, by design, and never reaches a queue; a reply
     * to a conversation held since an earlier phase waits with it); or until nothing moved for {@code stallSeconds}.
     * Returns the number stored.
     */
    private long awaitStored(Instant since, long heldBefore, long expected, int stallSeconds)
            throws SQLException, InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        try (Connection c = env.database("workspace_bench"); Statement st = c.createStatement();
                Connection r = env.database("routing_bench"); Statement rt = r.createStatement()) {
            long lastStored = -1;
            long waiting = 0;
            while (true) {
                ResultSet rs = st.executeQuery("select count(*) from message where direction = 'inbound' and "
                        + "accepted_at >= to_timestamp(" + since.toEpochMilli() / 1000.0 + ")");
                rs.next();
                long n = rs.getLong(1);
                // Routing's held messages are a join over all its conversations (100-200 ms of PostgreSQL each time,
                // which the phase's figures would count): read only once the workspace has stopped storing for a
                // moment, or when it may be all that is missing.
                if (n == lastStored || n + waiting >= expected) {
                    waiting = held(rt) - heldBefore;
                }
                lastStored = n;
                if (n + waiting >= expected) {
                    if (waiting > 0) {
                        System.err.printf("bench: the workspace stored %d of %d mentions; routing holds the other %d in "
                                + "conversations no centre may take (data residency, languages)%n", n, expected, waiting);
                    }
                    return n;
                }
                if (n + waiting != last) {
                    last = n + waiting;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                    System.err.printf("bench: the workspace stored %d of %d mentions (routing holds %d without a centre), "
                            + "then nothing for %d s%n", n, expected, waiting, stallSeconds);
                    return n;
                }
                // Once a second: the count is a scan of the workspace's messages (about 140 ms of PostgreSQL over
                // 130,000 rows), inside the phase's measured window. The figures come from the rows' own timestamps,
                // so a coarser poll only makes the wait end up to a second later.
                Thread.sleep(1000);
            }
        }
    }

    /** Messages routing holds in conversations without a centre: those held before a phase are not its own. */
    private long routingHeld() throws SQLException {
        try (Connection c = env.database("routing_bench"); Statement st = c.createStatement()) {
            return held(st);
        }
    }

    private static long held(Statement routing) throws SQLException {
        ResultSet rs = routing.executeQuery("select count(*) from conversation_message m join conversation c "
                + "on c.id = m.conversation_id where c.centre is null");
        rs.next();
        return rs.getLong(1);
    }

    private Instant databaseNow() throws SQLException {
        try (Connection c = env.database("workspace_bench"); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select now()");
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
