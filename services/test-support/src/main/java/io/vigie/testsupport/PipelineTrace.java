package io.vigie.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where the records of one key stand in the pipeline's topics, for a test that waited in vain: for each topic the
 * partition and offsets of the key's records, the partition's end, and how far each consumer group of the prefix has
 * committed there. It reads without joining any group, so the services it describes are not disturbed.
 */
public final class PipelineTrace {

    private PipelineTrace() {
    }

    /** A report, one line per topic and group, of the records keyed {@code key} in {@code topics} (unprefixed). */
    public static String of(String prefix, String key, List<String> topics) {
        StringBuilder out = new StringBuilder("pipeline trace of key ").append(key).append(":\n");
        String bootstrap = Infra.get().kafkaBootstrap();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (g.groupId().startsWith(prefix)) {
                    groups.add(g.groupId());
                }
            }
            for (String name : topics) {
                String topic = prefix + name;
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    out.append("  ").append(topic).append(": no such topic\n");
                    continue;
                }
                List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<Integer, List<Long>> found = new TreeMap<>();
                long deadline = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < deadline && partitions.stream()
                        .anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (key.equals(r.key())) {
                            found.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r.offset());
                        }
                    }
                }
                out.append("  ").append(topic).append(": key at ").append(found.isEmpty() ? "none" : found)
                        .append("; end offsets ").append(new TreeMap<>(ends.entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue))))
                        .append('\n');
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    Map<Integer, Long> mine = new TreeMap<>();
                    committed.forEach((tp, o) -> {
                        if (tp.topic().equals(topic) && o != null) {
                            mine.put(tp.partition(), o.offset());
                        }
                    });
                    if (!mine.isEmpty()) {
                        out.append("    group ").append(group).append(" committed ").append(mine).append('\n');
                    }
                }
            }
            for (String group : groups) {
                var members = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
                out.append("  group ").append(group).append(' ').append(members.groupState()).append(':');
                members.members().forEach(m -> out.append(' ').append(m.clientId()).append('=')
                        .append(m.assignment().topicPartitions().stream().map(tp -> tp.topic().substring(prefix.length())
                                + "-" + tp.partition()).sorted().toList()));
                out.append('\n');
            }
        } catch (Exception e) {
            out.append("  (trace incomplete: ").append(e).append(")\n");
        }
        return out.toString();
    }
}
