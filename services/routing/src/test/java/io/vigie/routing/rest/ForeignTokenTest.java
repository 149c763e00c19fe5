package io.vigie.routing.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.testsupport.HostileTokens;
import io.vigie.testsupport.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * routing's API accepts only tokens of its issuer, for its audience, unexpired and signed by the realm's key: real
 * signed JWTs from another realm, expired, for another audience, re-signed, tampered with or unsigned get 401.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ForeignTokenTest {

    @Test
    void onlyTheRealmsOwnTokensAreAccepted() {
        HostileTokens.assertOnlyRealTokensAccepted("agent-montpellier", 404, token -> {
            RequestSpecification r = given().auth().oauth2(token).contentType("application/json");
            return r.get("/api/routing/conversations/x:no-such-conversation").statusCode();
        });
    }
}
