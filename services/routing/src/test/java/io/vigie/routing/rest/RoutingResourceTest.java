package io.vigie.routing.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.WorldTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/routing/conversations/{id} with real Keycloak tokens: the decision and its transitions, for the right centre only. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class RoutingResourceTest extends WorldTest {

    @Test
    void agentOfTheCentreSeesTheDecisionAndItsTransitions() {
        String id = scenario.complaint("fr", "facebook:nordlys.fr");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("agent-montpellier"))
                .get("/api/routing/conversations/{id}", id)
                .then().statusCode(200)
                .body("state", equalTo("queued"))
                .body("centre", equalTo("montpellier"))
                .body("decision.conversationId", equalTo(id))
                .body("decision.reasons", hasItems("actionable: complaint", "language fr is covered by montpellier (primary)"))
                .body("transitions.to", hasItems("new", "queued"))
                .body("transitions[0].from", nullValue())
                .body("transitions[1].reason", containsString("first response due")));
    }

    @Test
    void otherCentresAndAnonymousCallersDoNotSeeIt() {
        String id = scenario.complaint("fr", "facebook:nordlys.fr");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("vigie-admin"))
                .get("/api/routing/conversations/{id}", id)
                .then().statusCode(200).body("centre", equalTo("montpellier")));
        given().auth().oauth2(Tokens.forUser("agent-austin"))
                .get("/api/routing/conversations/{id}", id)
                .then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/api/routing/conversations/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("agent-montpellier"))
                .get("/api/routing/conversations/{id}", "facebook:" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void readyOnceCentresAreKnown() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'centres' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'centres' }.data.known", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }
}
