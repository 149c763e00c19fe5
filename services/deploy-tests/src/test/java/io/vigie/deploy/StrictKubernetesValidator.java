package io.vigie.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates Kubernetes objects strictly against typed models: fabric8's for the built-in kinds and Prometheus
 * Operator's ServiceMonitor, Strimzi's for KafkaTopic, {@link KedaScaledObject} for KEDA, {@link KeycloakRealmImport}
 * (with Keycloak's own RealmRepresentation) for the realm imports. A field that the type does
 * not declare (fabric8 would keep it in {@code additionalProperties}), a value of the wrong type (no string-to-number
 * or number-to-string coercion), and a kind without a model are all violations.
 */
final class StrictKubernetesValidator {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("keda.sh/v1alpha1/ScaledObject", KedaScaledObject.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", KeycloakRealmImport.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectMapper strict;

    StrictKubernetesValidator() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        this.strict = mapper;
    }

    /** One object of a multi-document YAML stream, as a tree. */
    record Manifest(String apiVersion, String kind, String name, ObjectNode tree) {
        String id() {
            return kind + "/" + name;
        }
    }

    /** Splits a multi-document YAML stream into its non-empty documents. */
    static List<Manifest> parse(String yaml) {
        List<Manifest> out = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            var docs = YAML.readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                if (!(doc instanceof ObjectNode object)) {
                    throw new IllegalArgumentException("not an object: " + doc);
                }
                out.add(new Manifest(object.path("apiVersion").asText(), object.path("kind").asText(),
                        object.path("metadata").path("name").asText(), object));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Validates one object; returns its violations (empty when valid). */
    List<String> violations(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        if (manifest.apiVersion().isEmpty() || manifest.kind().isEmpty()) {
            problems.add(manifest.id() + ": apiVersion and kind are required");
            return problems;
        }
        if (manifest.name().isEmpty()) {
            problems.add(manifest.id() + ": metadata.name is required");
        }
        Class<?> model = MODELS.get(manifest.apiVersion() + "/" + manifest.kind());
        if (model == null) {
            problems.add(manifest.id() + ": no typed model for " + manifest.apiVersion() + " " + manifest.kind());
            return problems;
        }
        Object typed;
        try {
            typed = strict.treeToValue(manifest.tree(), model);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(manifest.id() + ": " + e.getMessage().lines().findFirst().orElse(""));
            return problems;
        }
        findUnknownFields(typed, manifest.id(), problems, new IdentityHashMap<>());
        return problems;
    }

    /** Validates every object; returns all violations. */
    List<String> violations(List<Manifest> manifests) {
        List<String> all = new ArrayList<>();
        manifests.forEach(m -> all.addAll(violations(m)));
        return all;
    }

    /** Walks the typed object graph and reports every non-empty {@code additionalProperties}. */
    private static void findUnknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                findUnknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> findUnknownFields(v, path + "." + k, problems, seen));
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8") || pkg.startsWith("io.strimzi"))) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || getter.getReturnType().isPrimitive()) {
                continue;
            }
            String name = getter.getName();
            if (!name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet() + " in " + node.getClass().getSimpleName());
                }
                continue;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
                continue;
            }
            String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            findUnknownFields(value, path + "." + field, problems, seen);
        }
    }
}
