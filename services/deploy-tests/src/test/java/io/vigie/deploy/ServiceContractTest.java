package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart and each service agree: the port the chart probes is the one the service listens on, the topic and
 * consumer group KEDA watches are the ones the service consumes, and the ConfigMap and Secret names of the
 * quarkus-kubernetes manifests are the ones the chart renders for the release {@code vigie}. The hand-written
 * overrides in src/main/kubernetes/ are valid Kubernetes objects of the service.
 */
class ServiceContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Properties properties(String svc) throws IOException {
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(
                Repo.root().resolve("services/" + svc + "/src/main/resources/application.properties"))) {
            props.load(in);
        }
        return props;
    }

    private static JsonNode chartValues() throws IOException {
        return YAML.readTree(Repo.chart().resolve("values.yaml").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestion", "scoring", "routing", "workspace", "centres"})
    void theChartUsesTheServicesPortAndConfigNames(String svc) throws IOException {
        Properties props = properties(svc);
        JsonNode values = chartValues();
        assertEquals(props.getProperty("quarkus.http.port"), values.at("/services/" + svc + "/port").asText(),
                svc + ": chart port vs quarkus.http.port");
        assertEquals(Charts.RELEASE + "-region", props.getProperty("quarkus.kubernetes.env.configmaps"),
                svc + ": quarkus-kubernetes ConfigMap vs the chart's region ConfigMap");
        assertEquals(values.at("/database/existingSecret").asText(),
                props.getProperty("quarkus.kubernetes.env.mapping.vigie-db-password.from-secret"), svc);
        assertEquals(values.at("/database/passwordKey").asText(),
                props.getProperty("quarkus.kubernetes.env.mapping.vigie-db-password.with-key"), svc);
        assertEquals(values.at("/image/registry").asText(), props.getProperty("quarkus.container-image.registry"), svc + ": image registry");
        assertEquals(values.at("/image/repository").asText(), props.getProperty("quarkus.container-image.group"), svc + ": image group");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestion", "scoring", "routing", "workspace", "centres"})
    void theChartsJavaOptionsSelectNoCollectorSinceTheImageDoes(String svc) throws IOException {
        // The image starts the JVM with run-java.sh, which passes -XX:+UseParallelGC; a second collector flag in
        // JAVA_OPTS_APPEND (the chart's javaOpts) would stop the JVM at start (ADR 0127).
        String dockerfile = Files.readString(Repo.root().resolve("services/" + svc + "/src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("run-java.sh"), svc + ": the premise (run-java.sh picks the collector)");
        try (var files = Files.list(Repo.chart())) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("values.*\\.yaml")).toList()) {
                for (JsonNode opts : YAML.readTree(f.toFile()).findValues("javaOpts")) {
                    assertTrue(!opts.asText().matches(".*-XX:\\+Use\\w*GC\\b.*"), f + ": javaOpts '" + opts.asText()
                            + "' selects a collector");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scoring", "routing"})
    void kedaWatchesTheTopicAndGroupTheServiceConsumes(String svc) throws IOException {
        Properties props = properties(svc);
        JsonNode scaling = chartValues().at("/services/" + svc + "/autoscaling");
        String topic = "${vigie.topic-prefix}" + scaling.path("topic").asText();
        String group = "${vigie.topic-prefix}" + scaling.path("consumerGroup").asText();
        var channels = props.stringPropertyNames().stream()
                .filter(k -> k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic"))
                .filter(k -> topic.equals(props.getProperty(k)))
                .map(k -> k.substring(0, k.length() - ".topic".length()))
                .toList();
        assertEquals(1, channels.size(), svc + " consumes " + topic + " on exactly one channel: " + channels);
        assertEquals(group, props.getProperty(channels.get(0) + ".group.id"), svc + ": consumer group");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestion", "scoring", "routing", "workspace", "centres"})
    void theKubernetesOverridesAreValidObjectsOfTheService(String svc) throws IOException {
        Path overrides = Repo.root().resolve("services/" + svc + "/src/main/kubernetes/kubernetes.yml");
        var manifests = StrictKubernetesValidator.parse(Files.readString(overrides));
        assertEquals(List.of(), new StrictKubernetesValidator().violations(manifests));
        var deployment = manifests.stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow();
        assertEquals(svc, deployment.name());
        assertEquals(svc, deployment.tree().at("/spec/template/spec/containers/0/name").asText());
        assertTrue(deployment.tree().at("/spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem").asBoolean());
    }
}
