package io.vigie.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** POST /v1/score with real Keycloak tokens: scores for staff, 401 without a token, 403 for experts, 400 problems. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ScoreResourceTest {

    @Test
    void agentScoresAText() {
        given().auth().oauth2(Tokens.forUser("agent-montpellier")).contentType("application/json")
                .body("""
                        {"text":"Mon PC portable a pris feu pendant la charge, il y a de la fumée !!","followers":250000,"verified":true}""")
                .post("/v1/score")
                .then().statusCode(200)
                .body("language", equalTo("fr"))
                .body("topic", equalTo("security_incident"))
                .body("productLine", equalTo("laptops"))
                .body("signals", hasItem("safety"))
                .body("influence", greaterThan(0.5f))
                .body("urgency", greaterThan(0.7f));
    }

    @Test
    void anonymousCallIsRefused() {
        given().contentType("application/json").body("{\"text\":\"hello\"}")
                .post("/v1/score")
                .then().statusCode(401);
    }

    @Test
    void expertsAreNotStaff() {
        given().auth().oauth2(Tokens.forUser("expert-montpellier")).contentType("application/json").body("{\"text\":\"hello\"}")
                .post("/v1/score")
                .then().statusCode(403);
    }

    @Test
    void blankTextGetsAProblemBody() {
        given().auth().oauth2(Tokens.forUser("supervisor-austin")).contentType("application/json").body("{\"text\":\"  \"}")
                .post("/v1/score")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body(containsString("text is required"));
    }

    @Test
    void unreadableBodyGetsAProblemBody() {
        given().auth().oauth2(Tokens.forUser("agent-austin")).contentType("application/json").body("{\"text\":")
                .post("/v1/score")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }
}
