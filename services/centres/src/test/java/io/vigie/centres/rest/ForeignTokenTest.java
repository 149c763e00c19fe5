package io.vigie.centres.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.testsupport.HostileTokens;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * centres's API accepts only tokens of its issuer, for its audience, unexpired and signed by the realm's key: real
 * signed JWTs from another realm, expired, for another audience, re-signed, tampered with or unsigned get 401.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ForeignTokenTest {

    private static int call(String token) {
        RequestSpecification r = given().auth().oauth2(token).contentType("application/json");
        return r.get("/api/centres").statusCode();
    }

    @Test
    void onlyTheRealmsOwnTokensAreAccepted() {
        assertEquals(200, call(Tokens.forUser("agent-montpellier")), "the real token of agent-montpellier is accepted");
        Map<String, Integer> answers = new LinkedHashMap<>();
        HostileTokens.all("agent-montpellier").forEach((kind, token) -> answers.put(kind, call(token)));
        Map<String, Integer> expected = new LinkedHashMap<>();
        answers.keySet().forEach(k -> expected.put(k, 401));
        assertEquals(expected, answers);
    }
}
