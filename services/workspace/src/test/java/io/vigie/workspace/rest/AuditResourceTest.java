package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every agent action on a conversation and every supervisor override lands in the audit log, with its actor, and
 * only a supervisor of the same centre reads it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class AuditResourceTest {

    @Inject
    ObjectMapper json;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType("application/json");
    }

    @Test
    void everyActionAndOverrideIsAudited() {
        String id = Fixtures.conversation(json, "montpellier", "x:@NordlysCare", "fr",
                "Ma commande n'est jamais arrivée, que faire ?", "agent-montpellier");
        String p = "/api/conversations/" + id;
        as("agent-montpellier").post(p + "/claim").then().statusCode(200);
        as("agent-montpellier").body("{\"text\":\"client pressé\"}").post(p + "/notes").then().statusCode(201);
        as("agent-montpellier").body("{\"label\":\"livraison\"}").post(p + "/labels").then().statusCode(204);
        as("agent-montpellier").delete(p + "/labels/livraison").then().statusCode(204);
        as("agent-montpellier").body("{\"text\":\"Merci, nous regardons votre commande tout de suite.\"}").post(p + "/replies")
                .then().statusCode(202);
        as("supervisor-montpellier").body("{\"text\":\"Nous avons relancé le transporteur pour vous.\","
                + "\"override\":\"the customer asked twice\"}").post(p + "/replies").then().statusCode(202);
        as("agent-montpellier").body("{\"team\":\"support\",\"context\":\"colis perdu\"}").post(p + "/escalate").then().statusCode(200);
        as("agent-montpellier").body("{\"outcome\":\"relancé\"}").post(p + "/take-back").then().statusCode(200);
        as("agent-montpellier").post(p + "/release").then().statusCode(200);
        as("agent-montpellier").post(p + "/claim").then().statusCode(200);
        as("agent-montpellier").post(p + "/resolve").then().statusCode(200);
        as("agent-montpellier").post(p + "/close").then().statusCode(200);

        List<Map<String, Object>> entries = as("supervisor-montpellier").get("/api/audit?conversationId=" + id)
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Long> actions = entries.stream().collect(Collectors.groupingBy(e -> (String) e.get("action"), Collectors.counting()));
        for (String a : List.of("claim", "note", "label_add", "label_remove", "reply", "policy_override", "escalate",
                "take_back", "release", "resolve", "close")) {
            assertTrue(actions.containsKey(a), a + " is audited: " + actions);
        }
        assertEquals(2L, actions.get("claim"));
        assertTrue(entries.stream().allMatch(e -> e.get("actor") != null && e.get("at") != null), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> Boolean.TRUE.equals(e.get("override"))
                && "supervisor-montpellier".equals(e.get("actor"))), "the override is flagged with its supervisor");
        // agents do not read the audit log; another centre's supervisor sees nothing of this conversation
        as("agent-montpellier").get("/api/audit?conversationId=" + id).then().statusCode(403);
        assertEquals(0, as("supervisor-austin").get("/api/audit?conversationId=" + id).then().statusCode(200)
                .extract().jsonPath().getList("$").size());
    }
}
