package io.vigie.centres.messaging;

import io.quarkus.runtime.StartupEvent;
import io.vigie.centres.config.CentresConfig;
import io.vigie.events.Topics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics this service owns before anything is published: centres.config compacted (the latest
 * configuration per centre is kept forever), centres.status compacted too (the latest status per centre).
 * A topic that exists without compaction is switched to it.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final String bootstrap;
    private final String prefix;
    private final CentresConfig config;

    public TopicInitializer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "vigie.topic-prefix") Optional<String> prefix, CentresConfig config) {
        this.bootstrap = bootstrap;
        // Optional: an empty value is no value to SmallRye Config, and `make run` has no prefix (a String with an
        // empty default failed the start-up: "Failed to load config value ... vigie.topic-prefix").
        this.prefix = prefix.orElse("");
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String name : List.of(Topics.CENTRES_CONFIG, Topics.CENTRES_STATUS)) {
                ensureCompacted(admin, prefix + name);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the centres topics on " + bootstrap, e);
        }
    }

    private void ensureCompacted(Admin admin, String topic)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        NewTopic t = new NewTopic(topic, config.topics().partitions(), config.topics().replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
            LOG.infof("Created compacted topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config current = describe(admin, resource);
            ConfigEntry policy = current.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warnf("Topic %s exists without compaction; switching it to cleanup.policy=compact", topic);
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The topic's configuration. A topic created an instant before by another client (the broker creates a topic when
     * a service first reads or writes it) can exist for the controller before the broker that answers knows it: seen
     * in a chaos run, where centres failed to start on UnknownTopicOrPartitionException. That is retried for up to 15 s.
     */
    private static Config describe(Admin admin, ConfigResource resource)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        for (int attempt = 1;; attempt++) {
            try {
                return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt >= 30) {
                    throw e;
                }
                LOG.infof("Topic %s is not known to the broker yet; asking again", resource.name());
                Thread.sleep(500);
            }
        }
    }
}
