package io.vigie.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning in a background thread and keeps every record, so that a test can wait for many
 * records by key without reading the topic again for each one.
 */
public final class TopicWatcher implements AutoCloseable {

    /** A record seen: topic, key, value and its dead-letter reason header (empty if none). */
    public record Seen(String topic, String key, String value, String reason) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, List<Seen>> byKey = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    /** Watches the given topics (full names, prefix included); they are created if they do not exist yet. */
    public TopicWatcher(String... topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.get().kafkaBootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String t : topics) {
            // the first metadata request of a missing topic creates it; its partitions show up in a later one
            List<PartitionInfo> infos = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (infos.isEmpty() && System.nanoTime() < deadline) {
                infos = consumer.partitionsFor(t, Duration.ofSeconds(30));
                if (infos.isEmpty()) {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (infos.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("topic " + t + " has no partitions after 60 s");
            }
            infos.forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        Header h = r.headers().lastHeader("dead-letter-reason");
                        Seen s = new Seen(r.topic(), r.key(), r.value(), h == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                        seen.add(s);
                        if (r.key() != null) {
                            byKey.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).add(s);
                        }
                    }
                }
            }
        }, "topic-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records seen with this key, on any watched topic. */
    public List<Seen> withKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** Whether a record whose value contains {@code text} was seen. */
    public boolean anyValueContains(String text) {
        for (Seen s : seen) {
            if (s.value() != null && s.value().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Every record seen so far. */
    public List<Seen> all() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
