package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigie.deploy.StrictKubernetesValidator.Manifest;
import io.vigie.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The cluster-level pieces in k8s/: every kustomization's resources exist and every file is a valid object (always);
 * {@code kubectl kustomize} builds the whole tree and each region into valid objects (when kubectl is installed:
 * Helm is a Maven library here, kustomize is not); the topics cover every topic the services use, with Kafka's own
 * setting names, enough partitions for the most consumers KEDA may start; the production realm keeps the local realm's
 * roles, clients and token mappers, without its demo users.
 */
class KustomizeTest {

    private static final List<String> REGIONS = Charts.REGIONS;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path K8S = Repo.root().resolve("k8s");

    private final StrictKubernetesValidator validator = new StrictKubernetesValidator();

    @Test
    void everyKustomizationPointsAtWhatExistsAndEveryFileIsAValidObject() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> files = Files.walk(K8S)) {
            kustomizations = files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
        assertTrue(kustomizations.size() >= 1 + 1 + 1 + 3 * REGIONS.size(), "kustomizations: " + kustomizations);
        List<String> problems = new ArrayList<>();
        for (Path k : kustomizations) {
            JsonNode kustomization = YAML.readTree(k.toFile());
            for (JsonNode resource : kustomization.path("resources")) {
                Path target = k.getParent().resolve(resource.asText()).normalize();
                if (Files.isDirectory(target)) {
                    if (!Files.exists(target.resolve("kustomization.yaml"))) {
                        problems.add(k + ": " + resource.asText() + " has no kustomization.yaml");
                    }
                } else if (!Files.isRegularFile(target)) {
                    problems.add(k + ": " + resource.asText() + " does not exist");
                } else {
                    problems.addAll(validator.violations(StrictKubernetesValidator.parse(Files.readString(target))));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theWholeTreeBuildsWithKubectlKustomize() throws Exception {
        var all = kustomize(K8S);
        assertEquals(List.of(), validator.violations(all));
        assertEquals(REGIONS.size(), all.stream().filter(m -> m.kind().equals("Namespace")).count(),
                "k8s/kustomization.yaml must list regions/<region> for every values-<region>.yaml: " + REGIONS);
        assertEquals(REGIONS.size(), all.stream().filter(m -> m.kind().equals("KeycloakRealmImport")).count());
        Set<String> ids = new TreeSet<>();
        for (Manifest m : all) {
            assertTrue(ids.add(m.apiVersion() + " " + m.tree().at("/metadata/namespace").asText() + " " + m.id()), "duplicate " + m.id());
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void aRegionBuildsItsNamespaceTopicsAndRealm(String region) throws Exception {
        var objects = kustomize(K8S.resolve("regions/" + region));
        assertEquals(List.of(), validator.violations(objects));
        for (Manifest m : objects) {
            assertEquals(region, m.tree().at("/metadata/labels/vigie.io~1region").asText(), m.id());
        }
        Manifest ns = objects.stream().filter(m -> m.kind().equals("Namespace")).findFirst().orElseThrow();
        assertEquals("vigie-" + region, ns.name());
        assertEquals("restricted", ns.tree().at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText());
        JsonNode values = regionValues(region);
        assertEquals(values.at("/region/residencyZone").asText(),
                ns.tree().at("/metadata/labels/vigie.io~1residency-zone").asText(), "namespace vs chart residency zone");

        Map<String, JsonNode> topics = objects.stream().filter(m -> m.kind().equals("KafkaTopic"))
                .collect(Collectors.toMap(Manifest::name, Manifest::tree));
        assertEquals(baseTopics().stream().map(t -> region + "." + t).collect(Collectors.toSet()), topics.keySet());
        topics.values().forEach(t -> {
            assertEquals("kafka", t.at("/metadata/namespace").asText());
            assertEquals("vigie", t.at("/metadata/labels/strimzi.io~1cluster").asText());
        });

        for (String svc : List.of("scoring", "routing")) {
            JsonNode scaling = values.at("/services/" + svc + "/autoscaling");
            String topic = region + "." + scaling.path("topic").asText();
            int partitions = topics.get(topic).at("/spec/partitions").asInt();
            assertTrue(scaling.path("maxReplicas").asInt() <= partitions,
                    region + "/" + svc + ": KEDA may start " + scaling.path("maxReplicas") + " consumers of " + topic
                            + ", which has " + partitions + " partitions");
        }

        var users = objects.stream().filter(m -> m.kind().equals("KafkaUser")).toList();
        assertEquals(1, users.size(), "one Kafka identity per region");
        assertEquals(region + ".vigie", users.get(0).name());
        for (JsonNode acl : users.get(0).tree().at("/spec/authorization/acls")) {
            assertEquals(region + ".", acl.at("/resource/name").asText(), "ACLs cover the region's prefix only: " + acl);
            assertEquals("prefix", acl.at("/resource/patternType").asText(), acl.toString());
        }

        Manifest realm = objects.stream().filter(m -> m.kind().equals("KeycloakRealmImport")).findFirst().orElseThrow();
        assertEquals("keycloak", realm.tree().at("/metadata/namespace").asText());
        assertEquals("vigie-" + region, realm.tree().at("/spec/realm/realm").asText());
        String issuer = values.at("/oidc/issuer").asText();
        assertTrue(issuer.endsWith("/realms/vigie-" + region), "chart issuer " + issuer + " vs realm vigie-" + region);
        assertFalse(realm.tree().toString().contains("REGION_HOST"), "REGION_HOST left in the realm of " + region);
    }

    @Test
    void theTopicsCoverEveryTopicTheServicesUseWithKafkasSettingNames() throws Exception {
        Set<String> declared = baseTopics();
        Set<String> used = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                used.add((String) f.get(null));
            }
        }
        Pattern channelTopic = Pattern.compile("^(?:%\\w+\\.)?mp\\.messaging\\.(?:incoming|outgoing)\\.[^.]+\\.(?:dead-letter-queue\\.)?topic$");
        for (String svc : List.of("ingestion", "scoring", "routing", "workspace", "centres")) {
            var props = new Properties();
            try (Reader in = Files.newBufferedReader(Repo.root().resolve("services/" + svc + "/src/main/resources/application.properties"),
                    StandardCharsets.UTF_8)) {
                props.load(in);
            }
            for (String key : props.stringPropertyNames()) {
                Matcher m = channelTopic.matcher(key);
                if (m.matches() && !key.startsWith("%")) {
                    String value = props.getProperty(key);
                    assertTrue(value.startsWith("${vigie.topic-prefix}"), svc + ": " + key + " is not region-prefixed: " + value);
                    used.add(value.substring("${vigie.topic-prefix}".length()));
                }
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(declared);
        assertEquals(Set.of(), missing, "topics used by the services but missing from k8s/kafka-topics/topics.yaml");

        Set<String> kafkaSettings = new TreeSet<>();
        for (Field f : TopicConfig.class.getFields()) {
            if (f.getName().endsWith("_CONFIG") && f.getType() == String.class) {
                kafkaSettings.add((String) f.get(null));
            }
        }
        for (Manifest t : StrictKubernetesValidator.parse(Files.readString(K8S.resolve("kafka-topics/topics.yaml")))) {
            t.tree().at("/spec/config").fieldNames().forEachRemaining(
                    key -> assertTrue(kafkaSettings.contains(key), t.id() + ": '" + key + "' is not a Kafka topic setting"));
            String policy = t.tree().at("/spec/config/cleanup.policy").asText();
            assertTrue(Set.of("delete", "compact").contains(policy), t.id() + ": cleanup.policy " + policy);
            assertTrue(t.tree().at("/spec/partitions").asInt() >= 3, t.id());
        }
    }

    @Test
    void theProductionRealmIsTheLocalRealmWithoutDemoUsers() throws IOException {
        JsonNode local = JSON.readTree(Repo.root().resolve("infra/keycloak/vigie-realm.json").toFile());
        var manifests = StrictKubernetesValidator.parse(Files.readString(K8S.resolve("keycloak/realm-import.yaml")));
        assertEquals(List.of(), validator.violations(manifests));
        JsonNode realm = manifests.get(0).tree().at("/spec/realm");
        assertTrue(realm.path("users").isMissingNode(), "the production realm must not ship the demo users");
        assertEquals(local.path("roles"), realm.path("roles"));
        assertEquals(local.path("components"), realm.path("components"), "user profile (the centre attribute)");
        assertEquals(local.path("accessTokenLifespan"), realm.path("accessTokenLifespan"));
        assertEquals(local.path("clients").size(), realm.path("clients").size());
        for (int i = 0; i < local.path("clients").size(); i++) {
            JsonNode a = local.path("clients").get(i);
            JsonNode b = realm.path("clients").get(i);
            assertEquals(a.path("clientId"), b.path("clientId"));
            assertEquals(a.path("protocolMappers"), b.path("protocolMappers"), "token claims of " + a.path("clientId"));
            assertEquals(a.path("publicClient"), b.path("publicClient"));
            assertEquals(a.path("secret"), b.path("secret"), "the secret stays a placeholder");
        }
        assertEquals("${VIGIE_AUTOMATION_SECRET}", realm.at("/clients/1/secret").asText());
        assertTrue(manifests.get(0).tree().at("/spec/placeholders/VIGIE_AUTOMATION_SECRET/secret/name").isTextual());
    }

    private static Set<String> baseTopics() throws IOException {
        return StrictKubernetesValidator.parse(Files.readString(K8S.resolve("kafka-topics/topics.yaml"))).stream()
                .map(Manifest::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode regionValues(String region) throws IOException {
        JsonNode defaults = YAML.readTree(Repo.chart().resolve("values.yaml").toFile());
        JsonNode overrides = YAML.readTree(Repo.chart().resolve("values-" + region + ".yaml").toFile());
        return YAML.readerForUpdating(defaults.deepCopy()).readValue(overrides);
    }

    /** Runs {@code kubectl kustomize dir}; skipped (not passed) where kubectl is not installed. */
    private static List<Manifest> kustomize(Path dir) throws Exception {
        Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not installed: the kustomize builds were not checked");
        Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
        assertEquals(0, p.exitValue(), "kubectl kustomize " + dir + " failed: " + err);
        return StrictKubernetesValidator.parse(out);
    }

    private static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
