package io.vigie.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Typed model of the Keycloak Operator's {@code k8s.keycloak.org/v2alpha1 KeycloakRealmImport} (the fields k8s/
 * uses), strict: unknown fields are rejected, and the realm is read as Keycloak's own {@link RealmRepresentation}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record KeycloakRealmImport(String apiVersion, String kind, Metadata metadata, Spec spec) {

    /** Object metadata (the subset kustomize writes). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    /** The import: which Keycloak CR, the realm, and placeholders resolved from Secrets at import time. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Spec(String keycloakCRName, RealmRepresentation realm, Map<String, Placeholder> placeholders) {
    }

    /** A placeholder's value source. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Placeholder(SecretKey secret) {
    }

    /** A key of a Secret in the Keycloak CR's namespace. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record SecretKey(String name, String key) {
    }
}
