package io.vigie.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a chaos run left: the services' databases, every dead-letter topic, the logs. */
public final class Observer {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every topic a mention or a reply can be dead-lettered to, with the reason header. */
    static final List<String> DEAD_LETTER_TOPICS = List.of("mentions.raw.dlq", "mentions.scored.dlq",
            "conversations.routed.dlq", "ingestion.rejected", "replies.outbound.dlq", "replies.receipts.dlq");

    private final ChaosConfig config;

    public Observer(ChaosConfig config) {
        this.config = config;
    }

    /** Keys ingestion has stored. */
    public Set<String> accepted() {
        Set<String> out = new HashSet<>();
        query("ingestion", "select key from mention", r -> out.add(string(r, 1)));
        return out;
    }

    /** Routing's mention key → conversation id. */
    public Map<String, String> threaded() {
        Map<String, String> out = new HashMap<>();
        query("routing", "select mention_key, conversation_id from conversation_message", r -> out.put(string(r, 1), string(r, 2)));
        return out;
    }

    /** Routing's conversations. */
    public List<Observations.RoutedConversation> conversations() {
        List<Observations.RoutedConversation> out = new ArrayList<>();
        query("routing", "select id, state, actionable, sla_due_at, centre from conversation", r -> out.add(
                new Observations.RoutedConversation(string(r, 1), string(r, 2), bool(r, 3), instant(r, 4), string(r, 5))));
        return out;
    }

    /** Workspace's customer messages: mention key → conversation. */
    public Map<String, String> workspaceInbound() {
        Map<String, String> out = new HashMap<>();
        query("workspace", "select mention_key, conversation_id from message where direction = 'inbound'",
                r -> out.put(string(r, 1), string(r, 2)));
        return out;
    }

    /** Workspace's SLA due time per conversation. */
    public Map<String, Instant> workspaceSla() {
        Map<String, Instant> out = new HashMap<>();
        query("workspace", "select id, sla_due_at from conversation", r -> out.put(string(r, 1), instant(r, 2)));
        return out;
    }

    /** Workspace's delivery status of every reply. */
    public Map<String, Observations.Delivery> replyStatus() {
        Map<String, Observations.Delivery> out = new HashMap<>();
        query("workspace", "select mention_key, delivery_status, delivery_reason from message where direction = 'outbound'",
                r -> out.put(string(r, 1), new Observations.Delivery(string(r, 2), string(r, 3))));
        return out;
    }

    /** Mention key (network:nativeId) → dead-letter reason, over every dead-letter topic of the run. */
    public Map<String, String> deadLetters() {
        Map<String, String> out = new HashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.value("VIGIE_KAFKA_BOOTSTRAP"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<org.apache.kafka.common.PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
            for (String t : DEAD_LETTER_TOPICS) {
                List<org.apache.kafka.common.PartitionInfo> infos = topics.get(config.topicPrefix() + t);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    Header h = r.headers().lastHeader("dead-letter-reason");
                    String reason = h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
                    String key = mentionKey(r.key(), r.value());
                    if (key != null) {
                        out.merge(key, reason, (a, b) -> a.isBlank() ? b : a);
                    }
                }
            }
        }
        return out;
    }

    /** The mention a dead letter is about: the first object with network and nativeId (or id) in it, else its key. */
    static String mentionKey(String recordKey, String value) {
        if (value != null) {
            try {
                String k = find(JSON.readTree(value));
                if (k != null) {
                    return k;
                }
            } catch (IOException e) {
                // not JSON: fall back to the record key
            }
        }
        return recordKey;
    }

    private static String find(JsonNode n) {
        if (n == null || !n.isContainerNode()) {
            return null;
        }
        if (n.isObject() && n.path("network").isTextual() && (n.path("nativeId").isTextual() || n.path("id").isTextual())) {
            return n.path("network").asText() + ":" + (n.path("nativeId").isTextual() ? n.path("nativeId") : n.path("id")).asText();
        }
        for (JsonNode child : n) {
            String k = find(child);
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /** Log files of the chaos instance that contain one of {@code secrets}. */
    public List<String> logsWithSecrets(List<String> secrets) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(config.home().resolve("logs"))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.getFileName().toString().startsWith("service-"))::iterator) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                for (String s : secrets) {
                    if (s != null && s.length() >= 8 && text.contains(s)) {
                        out.add(f.getFileName() + " contains a secret (" + s.substring(0, 3) + "…)");
                    }
                }
            }
        } catch (IOException e) {
            out.add("cannot read the logs: " + e);
        }
        return out;
    }

    private void query(String db, String sql, SqlRow row) {
        String url = "jdbc:postgresql://" + config.value("VIGIE_PG_HOST") + ":" + config.value("VIGIE_PG_PORT") + "/" + db;
        try (Connection c = DriverManager.getConnection(url, config.value("VIGIE_DB_USER"), config.value("VIGIE_DB_PASSWORD"));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.accept(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(db + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** One row of a result. */
    private interface SqlRow {
        void accept(ResultSet r) throws SQLException;
    }

    private static String string(ResultSet r, int i) {
        try {
            return r.getString(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bool(ResultSet r, int i) {
        try {
            return r.getBoolean(i);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet r, int i) {
        try {
            Timestamp t = r.getTimestamp(i);
            return t == null ? null : t.toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
