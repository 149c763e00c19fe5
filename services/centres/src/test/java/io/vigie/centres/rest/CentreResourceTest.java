package io.vigie.centres.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The centres registry, seeded from the test seed file, behind real Keycloak tokens. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CentreResourceTest {

    @Test
    void seededCentresAreListed() {
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres")
                .then().statusCode(200)
                .body("id", contains("austin", "bratislava", "montpellier", "sao-paulo"));
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres/montpellier")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"))
                .body("primaryLanguages", contains("fr", "it"));
    }

    @Test
    void unknownCentreIsAProblem() {
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres/atlantis")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anonymousCallsAreRefused() {
        given().get("/api/centres").then().statusCode(401);
    }
}
