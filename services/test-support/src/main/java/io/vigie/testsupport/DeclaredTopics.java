package io.vigie.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates, under a prefix, every topic a region declares ({@code k8s/kafka-topics/topics.yaml}) before the services
 * that use them start, as a region's Strimzi topic operator does. Left to the broker's auto-creation, a topic came into
 * being while a consumer group was joining, and that group could stay without some of its partitions: the records
 * keyed to them were never read (an end-to-end test waited 2 minutes for a replayed thread scoring never saw).
 * Locally each topic gets {@link #PARTITIONS} partitions (the local broker's default) and its declared cleanup policy.
 */
public final class DeclaredTopics {

    /** Partitions of each topic on the local single broker (infra/kafka/server.properties' num.partitions). */
    public static final int PARTITIONS = 3;

    private static final Pattern NAME = Pattern.compile("^  name: *\"?([A-Za-z0-9._-]+)\"?\\s*$");
    private static final Pattern CLEANUP = Pattern.compile("^ +cleanup\\.policy: *\"?([a-z,]+)\"?\\s*$");
    private static final Set<String> CREATED = new HashSet<>();

    private DeclaredTopics() {
    }

    /** The declared topics (unprefixed name → cleanup policy), in the file's order. */
    public static Map<String, String> declared(Path root) {
        Path file = root.resolve("k8s/kafka-topics/topics.yaml");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the declared topics in " + file, e);
        }
        Map<String, String> topics = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            if (line.startsWith("---")) {
                current = null;
                continue;
            }
            Matcher name = NAME.matcher(line);
            if (name.matches()) {
                current = name.group(1);
                topics.put(current, TopicConfig.CLEANUP_POLICY_DELETE);
                continue;
            }
            Matcher cleanup = CLEANUP.matcher(line);
            if (cleanup.matches() && current != null) {
                topics.put(current, cleanup.group(1));
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("no topic declared in " + file);
        }
        return topics;
    }

    /** Creates the declared topics under {@code prefix} on the local Kafka (once per JVM and prefix). */
    public static synchronized void create(Infra infra, String prefix) {
        if (CREATED.contains(prefix)) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        declared(infra.root()).forEach((name, cleanup) -> topics.add(new NewTopic(prefix + name, PARTITIONS, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup))));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics of " + prefix, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topics of " + prefix + " within 60 s", e);
        }
        CREATED.add(prefix);
    }
}
