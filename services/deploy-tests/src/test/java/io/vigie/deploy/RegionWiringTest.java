package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.deploy.StrictKubernetesValidator.Manifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What a region's render must wire, beyond being valid: every service gets its Service, PodDisruptionBudget,
 * NetworkPolicy, ServiceMonitor and the right autoscaler; topics and groups carry the region's prefix; secrets are
 * only referenced; stream consumers accept no traffic from the ingress; only ingestion reaches the internet.
 */
class RegionWiringTest {

    private static final List<String> REGIONS = Charts.REGIONS;
    private static final Set<String> APIS = Set.of("ingestion", "workspace", "centres");
    private static final Set<String> STREAMS = Set.of("scoring", "routing");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Manifest> render(String region) {
        return StrictKubernetesValidator.parse(Charts.renderRegion(region));
    }

    private static List<Manifest> ofKind(List<Manifest> all, String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Manifest one(List<Manifest> all, String kind, String name) {
        var found = all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).toList();
        assertEquals(1, found.size(), kind + "/" + name + " rendered " + found.size() + " times");
        return found.get(0);
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void everyServiceHasItsObjectsAndTheRightAutoscaler(String region) {
        var all = render(region);
        for (String svc : union(APIS, STREAMS)) {
            String name = "vigie-" + svc;
            one(all, "Deployment", name);
            one(all, "Service", name);
            one(all, "PodDisruptionBudget", name);
            one(all, "NetworkPolicy", name);
            one(all, "ServiceMonitor", name);
        }
        assertEquals(names(APIS), names(ofKind(all, "HorizontalPodAutoscaler")), "HPAs on CPU are for the APIs");
        assertEquals(names(STREAMS), names(ofKind(all, "ScaledObject")), "KEDA ScaledObjects are for the stream consumers");
        for (Manifest hpa : ofKind(all, "HorizontalPodAutoscaler")) {
            assertEquals("cpu", hpa.tree().at("/spec/metrics/0/resource/name").asText());
        }
        for (Manifest d : ofKind(all, "Deployment")) {
            assertTrue(d.tree().at("/spec/replicas").isMissingNode(),
                    d.id() + ": an autoscaled Deployment must leave replicas to its autoscaler");
            JsonNode container = d.tree().at("/spec/template/spec/containers/0");
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), d.id());
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), d.id());
            assertEquals("vigie-region", container.at("/envFrom/0/configMapRef/name").asText(), d.id());
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void topicsGroupsAndLabelsCarryTheRegion(String region) {
        var all = render(region);
        String prefix = region + ".";
        JsonNode config = one(all, "ConfigMap", "vigie-region").tree().path("data");
        assertEquals(prefix, config.path("VIGIE_TOPIC_PREFIX").asText());
        assertEquals(region, config.path("VIGIE_REGION").asText());
        assertTrue(config.path("VIGIE_OIDC_URL").asText().endsWith("/vigie-" + region), config.toString());
        for (Manifest so : ofKind(all, "ScaledObject")) {
            JsonNode trigger = so.tree().at("/spec/triggers/0");
            assertEquals("kafka", trigger.path("type").asText());
            assertTrue(trigger.at("/metadata/topic").asText().startsWith(prefix), so.id());
            assertTrue(trigger.at("/metadata/consumerGroup").asText().startsWith(prefix), so.id());
            assertEquals(config.path("VIGIE_KAFKA_BOOTSTRAP").asText(), trigger.at("/metadata/bootstrapServers").asText());
        }
        for (Manifest m : all) {
            assertEquals(region, m.tree().at("/metadata/labels/vigie.io~1region").asText(), m.id() + " lacks the region label");
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void secretsAreReferencedNeverInlined(String region) {
        var all = render(region);
        assertEquals(List.of(), ofKind(all, "Secret"), "the chart must not create Secrets");
        Predicate<String> secretLike = n -> n.matches(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|JAAS).*");
        for (Manifest d : ofKind(all, "Deployment")) {
            for (JsonNode env : d.tree().at("/spec/template/spec/containers/0/env")) {
                if (secretLike.test(env.path("name").asText())) {
                    assertTrue(env.path("value").isMissingNode(), d.id() + " inlines " + env.path("name").asText());
                    assertTrue(Set.of("vigie-db", "vigie-kafka-user").contains(env.at("/valueFrom/secretKeyRef/name").asText()),
                            d.id() + ": " + env);
                }
            }
        }
        for (Manifest cm : ofKind(all, "ConfigMap")) {
            cm.tree().path("data").fieldNames().forEachRemaining(
                    key -> assertFalse(secretLike.test(key), cm.id() + " holds " + key));
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void kafkaCredentialsComeFromSecretsWhenTheRegionAuthenticates(String region) {
        var all = render(region);
        boolean tls = one(all, "ConfigMap", "vigie-region").tree().at("/data/VIGIE_KAFKA_BOOTSTRAP").asText().endsWith(":9093");
        for (Manifest d : ofKind(all, "Deployment")) {
            JsonNode container = d.tree().at("/spec/template/spec/containers/0");
            JsonNode jaas = null;
            String protocol = null;
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    jaas = env;
                }
                if (env.path("name").asText().equals("KAFKA_SECURITY_PROTOCOL")) {
                    protocol = env.path("value").asText();
                }
            }
            assertEquals(tls, jaas != null, d.id() + ": SASL exactly when the region uses the TLS listener");
            if (jaas != null) {
                assertEquals("SASL_SSL", protocol, d.id());
                assertEquals("sasl.jaas.config", jaas.at("/valueFrom/secretKeyRef/key").asText(), d.id());
                assertTrue(container.path("volumeMounts").toString().contains("/etc/vigie/kafka-ca"), d.id());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void onlyWhatMustTalkCan(String region) {
        var all = render(region);
        Set<String> ingresses = names(ofKind(all, "Ingress"));
        for (Manifest np : ofKind(all, "NetworkPolicy")) {
            String svc = np.name().substring("vigie-".length());
            JsonNode spec = np.tree().path("spec");
            assertEquals(List.of("Ingress", "Egress"), texts(spec.path("policyTypes")), np.id());
            int ingressRules = spec.path("ingress").size();
            boolean exposed = APIS.contains(svc) || ingresses.contains("vigie-" + svc);
            assertEquals(exposed ? 2 : 1, ingressRules, np.id() + ": metrics for all, the ingress controller only for APIs and exposed services");
            boolean internet = spec.path("egress").findValues("ipBlock").stream()
                    .anyMatch(b -> b.path("cidr").asText().equals("0.0.0.0/0"));
            assertEquals(svc.equals("ingestion") || svc.equals("scoring"), internet,
                    np.id() + ": only ingestion (the networks' APIs) and scoring (the radar's webhooks) call out");
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void noTwoServicesClaimTheSamePathOfAHost(String region) {
        Set<String> claimed = new TreeSet<>();
        for (Manifest ingress : ofKind(render(region), "Ingress")) {
            for (JsonNode rule : ingress.tree().at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    String key = rule.path("host").asText() + path.path("path").asText();
                    assertTrue(claimed.add(key), ingress.id() + " claims " + key + " again");
                    assertEquals(ingress.name(), path.at("/backend/service/name").asText(), ingress.id());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void theCentresSeedAndTheDashboardAreForTheRegion(String region) throws IOException {
        var all = render(region);
        JsonNode seed = JSON.readTree(one(all, "ConfigMap", "vigie-centres-seed").tree().at("/data/centres.json").asText());
        assertTrue(seed.isArray() && seed.size() >= 1, seed.toString());
        assertEquals(region, seed.get(0).path("id").asText());
        assertTrue(seed.get(0).path("primaryLanguages").size() >= 1);
        String zone = one(all, "ConfigMap", "vigie-region").tree().at("/data/VIGIE_RESIDENCY_ZONE").asText();
        for (JsonNode centre : seed) {
            assertEquals(zone, centre.path("residencyZone").asText(),
                    "centre " + centre.path("id").asText() + " must keep its data in the region's residency zone");
        }
        JsonNode dashboard = JSON.readTree(one(all, "ConfigMap", "vigie-dashboard").tree()
                .at("/data/vigie-" + region + ".json").asText());
        assertEquals("vigie-" + region, dashboard.path("uid").asText());
        assertTrue(dashboard.path("panels").size() >= 6);
        assertFalse(dashboard.toString().contains("__REGION__"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> names(Set<String> services) {
        return services.stream().map(s -> "vigie-" + s).collect(Collectors.toSet());
    }

    private static Set<String> names(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::name).collect(Collectors.toSet());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
