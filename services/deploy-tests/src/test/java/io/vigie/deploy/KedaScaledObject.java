package io.vigie.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * Typed model of the part of KEDA's {@code keda.sh/v1alpha1 ScaledObject} the chart uses, written from KEDA's CRD
 * (v2.x). No Java model of KEDA is published on Maven Central, so this one is strict instead: every field the
 * chart may write is declared with its type, and anything else is rejected.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
record KedaScaledObject(String apiVersion, String kind, Metadata metadata, Spec spec) {

    /** Object metadata (the subset a chart writes). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    /** ScaledObject spec. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Spec(ScaleTargetRef scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
            Integer idleReplicaCount, Integer minReplicaCount, Integer maxReplicaCount, List<Trigger> triggers) {
    }

    /** The workload KEDA scales. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ScaleTargetRef(String apiVersion, String kind, String name, String envSourceContainerName) {
    }

    /** One trigger; KEDA reads every metadata value as a string. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Trigger(String type, String name, String metricType, Map<String, String> metadata, AuthenticationRef authenticationRef) {
    }

    /** Reference to a TriggerAuthentication. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record AuthenticationRef(String name, String kind) {
    }
}
