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
import io.vigie.centres.config.SettableClock;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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

    @Inject
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

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

    /**
     * A mention of the running minute counts in the last hour at once: a live wall does not wait for its minute to end
     * (it did, and a test whose mentions were stamped with the running minute saw them join the tile a minute late).
     */
    @Test
    void aMentionOfTheRunningMinuteCountsAtOnce() throws Exception {
        Instant at = Instant.parse("2026-08-03T10:15:30Z");
        String id = "wall-running-minute-" + Long.toString(System.nanoTime(), 36);
        Mention m = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare", null, null, new Author("u-" + id, "@u", 10, false),
                "Screen stays black after the update", "en", at, null, List.of(), at);
        ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEGATIVE, -0.6),
                "technical_support", "laptops", "consumer", 0.5, 0.1, false, false, List.of(), at);
        clock.set(at.plusSeconds(10));
        int before = given().queryParam("key", KEY).get("/api/wall/snapshot").then().statusCode(200)
                .extract().path("lastHour.mentions");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), m.conversationKey(), json.writeValueAsString(s));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int now = before;
        while (now != before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = given().queryParam("key", KEY).get("/api/wall/snapshot").then().statusCode(200)
                    .extract().path("lastHour.mentions");
        }
        assertEquals(before + 1, now, "the mention of " + at + " in the last hour at " + clock.instant());
    }
}
