package io.vigie.centres.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wall's data API: who may read it, what a snapshot holds, and the SSE stream pushing snapshots. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class WallResourceTest {

    private static final String KEY = "test-wall-key-0123456789";

    @TestHTTPResource("/api/wall/stream")
    URI stream;

    @Inject
    ObjectMapper json;

    @Test
    void theWallNeedsATokenOrTheWallKey() {
        given().get("/api/wall/snapshot").then().statusCode(401).contentType("application/problem+json");
        given().queryParam("key", "wrong").get("/api/wall/snapshot").then().statusCode(401);
        given().queryParam("key", KEY).get("/api/wall/snapshot").then().statusCode(200).body("scope", equalTo("*"));
        given().auth().oauth2(Tokens.forUser("agent-montpellier")).queryParam("scope", "montpellier")
                .get("/api/wall/snapshot").then().statusCode(200).body("scope", equalTo("montpellier"));
        given().queryParam("key", KEY).queryParam("scope", "atlantis").get("/api/wall/snapshot").then().statusCode(404);
    }

    @Test
    void aGlobalSnapshotShowsEveryCentreAndItsCurves() {
        given().queryParam("key", KEY).get("/api/wall/snapshot").then().statusCode(200)
                .body("centres.centre", hasItems("austin", "bratislava", "montpellier", "sao-paulo"))
                .body("sla.centre", hasItems("austin", "montpellier"))
                .body("curves.stepMinutes", equalTo(5))
                .body("curves.buckets.size()", equalTo(72))
                .body("curves.temperature.size()", equalTo(72))
                .body("lastHour.mentions", notNullValue());
    }

    @Test
    void theStreamPushesSnapshotsAsServerSentEvents() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?scope=montpellier&key=" + KEY))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(90)).build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (events.size() < 2 && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(json.readTree(line.substring(5).trim()));
                }
            }
        }
        assertEquals(2, events.size());
        assertEquals("montpellier", events.get(0).get("scope").asText());
        assertEquals("montpellier", events.get(1).get("scope").asText());
        assertTrue(events.get(1).get("at").asText().compareTo(events.get(0).get("at").asText()) > 0,
                "the second snapshot is newer than the first");
    }
}
