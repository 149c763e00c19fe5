package io.vigie.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The limit: the same records produced and consumed on the local broker with plain Kafka clients, with the
 * services' producer settings (acks=all, idempotent), then relayed through as many topics as the pipeline has
 * (mentions.raw, mentions.scored, conversations.routed), as fast as possible and at a fixed rate.
 */
public final class RawKafka {

    /** Topics of the pipeline between ingestion's accept and the workspace. */
    public static final int PIPELINE_TOPICS = 3;

    private final String bootstrap;
    private final String prefix;

    /** On the broker at {@code bootstrap}; every topic it creates starts with {@code prefix}. */
    public RawKafka(String bootstrap, String prefix) {
        this.bootstrap = bootstrap;
        this.prefix = prefix;
    }

    /** Figures of the limit. */
    public record Result(int records, double produceRate, double consumeRate, double relayRate, int topics,
            int latencyRate, Stats relayLatencyMs) {
    }

    /** Measures everything on {@code lines} (keys = their position modulo 1,000, like threads). */
    public Result run(List<String> lines, int latencyRate, int latencySeconds) throws Exception {
        createTopics(List.of("produce", "relay0", "relay1", "relay2", "lat0", "lat1", "lat2"));
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 0; i < lines.size(); i++) {
                p.send(new ProducerRecord<>(prefix + "produce", key(i), lines.get(i)));
            }
            p.flush();
        }
        double produceRate = lines.size() / seconds(t0);
        double consumeRate = lines.size() / timeToConsume(prefix + "produce", lines.size());
        double relayRate = lines.size() / relay("relay", lines, 0);
        Stats latency = relayLatency(lines, latencyRate, latencySeconds);
        return new Result(lines.size(), produceRate, consumeRate, relayRate, PIPELINE_TOPICS, latencyRate, latency);
    }

    private static String key(int i) {
        return "k" + (i % 1000);
    }

    private double timeToConsume(String topic, int count) {
        try (KafkaConsumer<String, String> c = consumer(prefix + "bench-consume")) {
            c.subscribe(List.of(topic));
            long t0 = System.nanoTime();
            long seen = 0;
            long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
            while (seen < count && System.nanoTime() < deadline) {
                seen += c.poll(Duration.ofMillis(200)).count();
            }
            if (seen < count) {
                throw new IllegalStateException("consumed " + seen + " of " + count + " records in 5 minutes");
            }
            return seconds(t0);
        }
    }

    /**
     * Feeds {@code lines} into {@code <name>0} (at {@code rate} per second, or as fast as possible when 0) while two
     * relays copy them to {@code <name>1} and {@code <name>2}, and a sink counts them on the last topic. Returns the
     * seconds from the first send to the last record seen by the sink.
     */
    private double relay(String name, List<String> lines, int rate) throws Exception {
        return relayRun(name, lines, rate, null);
    }

    private Stats relayLatency(List<String> lines, int rate, int seconds) throws Exception {
        int count = Math.min(lines.size(), rate * seconds);
        List<Double> ms = new ArrayList<>(count);
        relayRun("lat", lines.subList(0, count), rate, ms);
        // The first second warms the relays up, like the pipeline's latency phase runs after its throughput phase.
        List<Double> steady = ms.subList(Math.min(ms.size(), rate), ms.size());
        return new Stats(steady.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private double relayRun(String name, List<String> lines, int rate, List<Double> latencies) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> relays = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(PIPELINE_TOPICS);
        for (int hop = 0; hop < PIPELINE_TOPICS - 1; hop++) {
            String from = prefix + name + hop;
            String to = prefix + name + (hop + 1);
            Thread t = new Thread(() -> relayLoop(from, to, stop, ready), "relay-" + from);
            t.start();
            relays.add(t);
        }
        AtomicLong seen = new AtomicLong();
        AtomicLong last = new AtomicLong();
        Thread sink = new Thread(() -> {
            try (KafkaConsumer<String, String> c = consumer(prefix + name + "-sink")) {
                subscribeAndWait(c, prefix + name + (PIPELINE_TOPICS - 1), ready);
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        if (latencies != null) {
                            long sent = Long.parseLong(new String(r.headers().lastHeader("sent-at").value(),
                                    StandardCharsets.US_ASCII));
                            synchronized (latencies) {
                                latencies.add((System.nanoTime() - sent) / 1e6);
                            }
                        }
                        seen.incrementAndGet();
                        last.set(System.nanoTime());
                    }
                }
            }
        }, "relay-sink");
        sink.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            stop.set(true);
            throw new IllegalStateException("the relay consumers got no partitions within 60 s");
        }
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 0; i < lines.size(); i++) {
                if (rate > 0) {
                    long due = t0 + (long) (i * 1e9 / rate);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000));
                    }
                }
                ProducerRecord<String, String> r = new ProducerRecord<>(prefix + name + "0", key(i), lines.get(i));
                r.headers().add("sent-at", Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
                p.send(r);
            }
            p.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (seen.get() < lines.size() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        sink.join();
        for (Thread t : relays) {
            t.join();
        }
        if (seen.get() < lines.size()) {
            throw new IllegalStateException("the relay delivered " + seen.get() + " of " + lines.size() + " records");
        }
        return (last.get() - t0) / 1e9;
    }

    private void relayLoop(String from, String to, AtomicBoolean stop, CountDownLatch ready) {
        try (KafkaConsumer<String, String> c = consumer(from + "-relay"); KafkaProducer<String, String> p = producer()) {
            subscribeAndWait(c, from, ready);
            while (!stop.get()) {
                var records = c.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, String> r : records) {
                    ProducerRecord<String, String> out = new ProducerRecord<>(to, r.key(), r.value());
                    r.headers().forEach(h -> out.headers().add(h));
                    p.send(out);
                }
                if (!records.isEmpty()) {
                    // Like the services, a batch's offsets are committed once its outputs are acknowledged.
                    p.flush();
                    c.commitAsync();
                }
            }
        }
    }

    private static void subscribeAndWait(KafkaConsumer<String, String> c, String topic, CountDownLatch ready) {
        c.subscribe(List.of(topic));
        while (c.assignment().isEmpty()) {
            c.poll(Duration.ofMillis(100));
        }
        ready.countDown();
    }

    private void createTopics(List<String> names) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = names.stream().map(n -> new NewTopic(prefix + n, 3, (short) 1)).toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
