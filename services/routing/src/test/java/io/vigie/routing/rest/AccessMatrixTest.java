package io.vigie.routing.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.TestClock;
import io.vigie.routing.service.CentreDirectory;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Routing's role × centre × endpoint matrix with real tokens, on a Montpellier conversation: who reads it, who
 * pulls it into the queues, and what everyone else gets (401 without a token, 403 without the role, 404 from
 * another centre).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class AccessMatrixTest {

    @Inject
    ObjectMapper json;
    @Inject
    CentreDirectory directory;
    @Inject
    TestClock clock;

    private static RequestSpecification as(String who) {
        RequestSpecification r = given().contentType("application/json");
        return who.equals("anonymous") ? r : r.auth().oauth2(Tokens.forUser(who));
    }

    @Test
    void everyCallerGetsWhatTheirRoleAndCentreAllow() {
        clock.set(TestClock.BASE);
        String id;
        try (RoutingScenario scenario = new RoutingScenario(json)) {
            scenario.publishCentres(directory, RoutingScenario.world());
            id = scenario.complaint("fr", "facebook:nordlys.fr");
        }
        String conversation = id;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("agent-montpellier")
                .get("/api/routing/conversations/{id}", conversation).then().statusCode(200));

        Map<String, Integer> read = new LinkedHashMap<>();
        Map<String, Integer> pull = new LinkedHashMap<>();
        for (String who : new String[] {"agent-montpellier", "supervisor-montpellier", "vigie-admin", "agent-austin",
                "supervisor-austin", "expert-montpellier", "anonymous"}) {
            read.put(who, as(who).get("/api/routing/conversations/{id}", conversation).statusCode());
            if (!who.endsWith("-montpellier") || !who.startsWith("supervisor")) {
                pull.put(who, as(who).post("/api/routing/conversations/{id}/pull", conversation).statusCode());
            }
        }
        assertEquals(Map.of("agent-montpellier", 200, "supervisor-montpellier", 200, "vigie-admin", 200, "agent-austin", 404,
                "supervisor-austin", 404, "expert-montpellier", 403, "anonymous", 401), read);
        assertEquals(Map.of("agent-montpellier", 403, "agent-austin", 403, "supervisor-austin", 404,
                "expert-montpellier", 403, "anonymous", 401, "vigie-admin", pull.get("vigie-admin")), pull);
        int admin = pull.get("vigie-admin");
        org.junit.jupiter.api.Assertions.assertTrue(admin / 100 == 2 || admin == 409,
                "an admin may pull (or is told the conversation is already in the queues): " + admin);
    }
}
