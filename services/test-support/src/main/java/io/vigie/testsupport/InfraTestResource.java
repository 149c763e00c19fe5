package io.vigie.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real local infrastructure: Kafka, the service's {@code *_test} database,
 * Keycloak, and a topic prefix of its own so that runs never read each other's records.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Infra infra = Infra.get();
        Map<String, String> config = new HashMap<>();
        config.put("vigie.kafka.bootstrap", infra.kafkaBootstrap());
        config.put("vigie.pg.host", infra.value("VIGIE_PG_HOST"));
        config.put("vigie.pg.port", infra.value("VIGIE_PG_PORT"));
        config.put("vigie.db.user", infra.value("VIGIE_DB_USER"));
        config.put("vigie.db.password", infra.value("VIGIE_DB_PASSWORD"));
        config.put("vigie.oidc.url", infra.oidcUrl());
        config.put("vigie.topic-prefix", TestTopics.prefix());
        DeclaredTopics.create(infra, TestTopics.prefix());
        return config;
    }

    @Override
    public void stop() {
        // The infrastructure outlives the test class: it is started once per run and stopped by the Makefile.
    }
}
