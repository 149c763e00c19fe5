package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator itself: it must accept a valid object and reject unknown fields, wrong types and unknown kinds. */
class StrictKubernetesValidatorTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              replicas: %s
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      %s
            """;

    private final StrictKubernetesValidator validator = new StrictKubernetesValidator();

    private List<String> check(String yaml) {
        return validator.violations(StrictKubernetesValidator.parse(yaml));
    }

    @Test
    void acceptsAValidDeployment() {
        assertEquals(List.of(), check(DEPLOYMENT.formatted("2", "ports: [{containerPort: 8080}]")));
    }

    @Test
    void rejectsAnUnknownFieldDeepInTheObject() {
        var problems = check(DEPLOYMENT.formatted("2", "imagePullPolicyy: Always"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("imagePullPolicyy"), problems.toString());
    }

    @Test
    void rejectsAStringWhereTheApiWantsANumber() {
        var problems = check(DEPLOYMENT.formatted("\"2\"", "ports: [{containerPort: 8080}]"));
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void rejectsANumberWhereTheApiWantsAString() {
        var problems = check(DEPLOYMENT.formatted("2", "ports: [{containerPort: 8080, name: 8080}]"));
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void rejectsAKindWithoutAModel() {
        var problems = check("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no typed model"), problems.toString());
    }

    @Test
    void rejectsAKedaTriggerWithANumericMetadataValueOrAnUnknownField() {
        String scaledObject = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: s}
                spec:
                  scaleTargetRef: {name: s}
                  triggers:
                    - type: kafka
                      metadata: {lagThreshold: %s}
                  %s
                """;
        assertEquals(List.of(), check(scaledObject.formatted("\"50\"", "")));
        assertEquals(1, check(scaledObject.formatted("50", "")).size());
        assertEquals(1, check(scaledObject.formatted("\"50\"", "maxReplicas: 3")).size());
    }

    @Test
    void rejectsAnUnknownFieldInAStrimziTopic() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  partitions: 3
                  %s
                """;
        assertEquals(List.of(), check(topic.formatted("replicas: 3")));
        assertEquals(1, check(topic.formatted("replication: 3")).size());
    }

    @Test
    void rejectsAnUnknownRealmSettingInAKeycloakRealmImport() {
        String realmImport = """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: KeycloakRealmImport
                metadata: {name: r}
                spec:
                  keycloakCRName: sso
                  realm:
                    realm: vigie
                    %s: 900
                """;
        assertEquals(List.of(), check(realmImport.formatted("accessTokenLifespan")));
        assertEquals(1, check(realmImport.formatted("accessTokenLifetime")).size());
    }
}
