package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The role × centre × endpoint matrix with real Keycloak tokens: for every endpoint, every caller who must not
 * act on a Montpellier conversation gets 401, 403 or 404, and the conversation is left untouched.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class AccessMatrixTest {

    @Inject
    ObjectMapper json;

    /** One endpoint: method, path ({id} is the conversation), body. */
    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> CONVERSATION_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/conversations/{id}", null),
            new Endpoint("POST", "/api/conversations/{id}/claim", null),
            new Endpoint("POST", "/api/conversations/{id}/release", null),
            new Endpoint("POST", "/api/conversations/{id}/transfer", "{\"toAgent\":\"agent-austin\"}"),
            new Endpoint("POST", "/api/conversations/{id}/replies", "{\"text\":\"Merci, nous regardons cela pour vous.\"}"),
            new Endpoint("POST", "/api/conversations/{id}/notes", "{\"text\":\"note\"}"),
            new Endpoint("POST", "/api/conversations/{id}/labels", "{\"label\":\"vip\"}"),
            new Endpoint("DELETE", "/api/conversations/{id}/labels/vip", null),
            new Endpoint("POST", "/api/conversations/{id}/escalate", "{\"team\":\"support\",\"context\":\"ctx\"}"),
            new Endpoint("POST", "/api/conversations/{id}/take-back", "{}"),
            new Endpoint("POST", "/api/conversations/{id}/resolve", null),
            new Endpoint("POST", "/api/conversations/{id}/close", null),
            new Endpoint("GET", "/api/conversations/{id}/canned", null),
            new Endpoint("POST", "/api/conversations/{id}/messages/reply:none/approve", null),
            new Endpoint("POST", "/api/policy/check", "{\"conversationId\":\"{id}\",\"text\":\"Merci pour votre message.\"}"));

    static final List<Endpoint> EXPERT_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/expert/conversations/{id}", null),
            new Endpoint("POST", "/api/expert/conversations/{id}/replies", "{\"text\":\"Merci pour votre message.\"}"),
            new Endpoint("POST", "/api/expert/conversations/{id}/messages/{id}/accept", null),
            new Endpoint("POST", "/api/expert/conversations/{id}/messages/{id}/hide", null));

    private static RequestSpecification as(String who) {
        RequestSpecification r = given().contentType("application/json");
        return switch (who) {
            case "anonymous" -> r;
            case "client" -> r.auth().oauth2(Tokens.forClient());
            default -> r.auth().oauth2(Tokens.forUser(who));
        };
    }

    private static int call(String who, Endpoint e, String id) {
        RequestSpecification r = as(who);
        if (e.body() != null) {
            r = r.body(e.body().replace("{id}", id));
        }
        String path = e.path().replace("{id}", id);
        return switch (e.method()) {
            case "GET" -> r.get(path).statusCode();
            case "DELETE" -> r.delete(path).statusCode();
            default -> r.post(path).statusCode();
        };
    }

    @Test
    void outsidersCannotTouchAnotherCentresConversation() {
        String id = Fixtures.conversation(json, "montpellier", "x:@NordlysCare_FR", "fr",
                "Mon écran reste noir", "agent-montpellier");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("anonymous", 401);
        expected.put("client", 403);
        expected.put("vigie-admin", 403);
        expected.put("expert-montpellier", 403);
        expected.put("agent-austin", 404);
        expected.put("supervisor-austin", 404);
        expected.put("agent-bratislava", 404);
        expected.put("supervisor-sao-paulo", 404);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : CONVERSATION_ENDPOINTS) {
            expected.forEach((who, code) -> {
                int want = e.path().startsWith("/api/policy") && who.startsWith("expert") ? 404 : code;
                int got = call(who, e, id);
                if (got != want) {
                    wrong.add(who + " " + e + ": " + got + " instead of " + want);
                }
            });
        }
        Map<String, Integer> experts = Map.of("anonymous", 401, "agent-montpellier", 403, "supervisor-montpellier", 403,
                "vigie-admin", 403, "expert-montpellier", 404);
        for (Endpoint e : EXPERT_ENDPOINTS) {
            experts.forEach((who, code) -> {
                int got = call(who, e, id);
                if (got != code) {
                    wrong.add(who + " " + e + ": " + got + " instead of " + code);
                }
            });
        }
        assertEquals(List.of(), wrong);
        given().auth().oauth2(Tokens.forUser("agent-montpellier")).get("/api/conversations/" + id).then()
                .statusCode(200)
                .body("conversation.state", org.hamcrest.Matchers.equalTo("queued"))
                .body("conversation.assignee", org.hamcrest.Matchers.nullValue())
                .body("notes", org.hamcrest.Matchers.empty())
                .body("labels", org.hamcrest.Matchers.empty())
                .body("history", org.hamcrest.Matchers.empty())
                .body("messages.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void centreWideEndpointsFollowTheRoles() {
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        matrix.put("GET /api/conversations", Map.of("anonymous", 401, "agent-austin", 200, "supervisor-austin", 200,
                "expert-montpellier", 403, "vigie-admin", 403));
        matrix.put("GET /api/audit", Map.of("anonymous", 401, "agent-austin", 403, "supervisor-austin", 200,
                "expert-montpellier", 403, "vigie-admin", 403));
        matrix.put("GET /api/grants", Map.of("anonymous", 401, "agent-austin", 403, "supervisor-austin", 200,
                "expert-montpellier", 200, "vigie-admin", 403));
        matrix.put("POST /api/grants", Map.of("anonymous", 401, "agent-austin", 403, "expert-montpellier", 403,
                "vigie-admin", 403));
        matrix.put("GET /api/canned", Map.of("anonymous", 401, "agent-austin", 200, "expert-montpellier", 403,
                "vigie-admin", 403));
        matrix.put("POST /api/canned", Map.of("anonymous", 401, "agent-austin", 403, "expert-montpellier", 403));
        matrix.put("GET /api/presence", Map.of("anonymous", 401, "agent-austin", 200, "expert-montpellier", 403,
                "vigie-admin", 403));
        matrix.put("PUT /api/presence", Map.of("anonymous", 401, "expert-montpellier", 403, "vigie-admin", 403));
        matrix.put("GET /api/expert/conversations", Map.of("anonymous", 401, "agent-austin", 403,
                "expert-montpellier", 200, "vigie-admin", 403));
        matrix.put("POST /api/policy/check", Map.of("anonymous", 401, "agent-austin", 200, "expert-montpellier", 200,
                "vigie-admin", 403));
        Map<String, String> bodies = Map.of(
                "POST /api/grants", "{\"expert\":\"expert-montpellier\",\"space\":\"x:@S\",\"rights\":[\"answer\"]}",
                "POST /api/canned", "{\"language\":\"en\",\"title\":\"t\",\"body\":\"b\"}",
                "PUT /api/presence", "{\"status\":\"online\"}",
                "POST /api/policy/check", "{\"text\":\"Thanks, we are on it for you.\",\"language\":\"en\"}");
        List<String> wrong = new ArrayList<>();
        matrix.forEach((endpoint, callers) -> callers.forEach((who, code) -> {
            String[] mp = endpoint.split(" ");
            RequestSpecification r = as(who);
            if (bodies.containsKey(endpoint)) {
                r = r.body(bodies.get(endpoint));
            }
            int got = switch (mp[0]) {
                case "GET" -> r.get(mp[1]).statusCode();
                case "PUT" -> r.put(mp[1]).statusCode();
                default -> r.post(mp[1]).statusCode();
            };
            if (got != code) {
                wrong.add(who + " " + endpoint + ": " + got + " instead of " + code);
            }
        }));
        assertEquals(List.of(), wrong);
    }
}
