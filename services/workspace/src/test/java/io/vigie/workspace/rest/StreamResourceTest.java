package io.vigie.workspace.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Server-sent events: an agent's stream shows their centre's new messages, assignments and receipts, not others'. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class StreamResourceTest {

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/api/stream")
    URL stream;

    /** Opens a stream for {@code user} and collects its data lines in a queue. */
    private BlockingQueue<String> open(String user) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", "Bearer " + Tokens.forUser(user)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            Iterator<String> it = response.body().iterator();
            while (it.hasNext()) {
                String l = it.next();
                if (l.startsWith("data:")) {
                    lines.add(l.substring(5).trim());
                }
            }
        });
        reader.setDaemon(true);
        reader.start();
        String hello = lines.poll(60, TimeUnit.SECONDS);
        assertTrue(hello != null && hello.contains("\"hello\""), "hello event: " + hello);
        return lines;
    }

    private static String next(BlockingQueue<String> lines, String type, String conversationId) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l != null && l.contains("\"type\":\"" + type + "\"") && l.contains(conversationId)) {
                return l;
            }
        }
        throw new AssertionError("no " + type + " event for " + conversationId);
    }

    @Test
    void agentsStreamCarriesTheirCentresEventsOnly() throws Exception {
        BlockingQueue<String> bratislava = open("agent-bratislava");
        BlockingQueue<String> austin = open("agent-austin");
        String thread = UUID.randomUUID().toString();
        String id = "x:" + thread;
        Fixtures.publish(json, Fixtures.decision(thread, thread, "bratislava", "x:@NordlysCare_SK", "sk",
                "Notebook sa nezapne", Sentiment.NEGATIVE, -0.5, Instant.now()));
        next(bratislava, "message", id);

        io.restassured.RestAssured.given().auth().oauth2(Tokens.forUser("agent-bratislava"))
                .post("/api/conversations/" + id + "/claim").then().statusCode(200);
        assertTrue(next(bratislava, "assignment", id).contains("agent-bratislava"));

        String key = io.restassured.RestAssured.given().auth().oauth2(Tokens.forUser("agent-bratislava"))
                .contentType("application/json")
                .body("{\"text\":\"Je nám to ľúto! Môžete nám napísať, akú verziu máte? Radi vám pomôžeme.\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(202).extract().path("mentionKey");
        String replyId = key.substring("reply:".length());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.DELIVERY_RECEIPTS), replyId, json.writeValueAsString(new DeliveryReceipt(
                    DeliveryReceipt.VERSION, replyId, id, DeliveryReceipt.FAILED, null, "rate limited", 3, Instant.now())));
        }
        assertTrue(next(bratislava, "receipt", id).contains("failed: rate limited"));
        for (String l : austin) {
            assertTrue(!l.contains(id), "austin saw " + l);
        }
    }

    @Test
    void unreadableReceiptsGoToTheDeadLetterTopic() {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            String marker = UUID.randomUUID().toString();
            kafka.send(TestTopics.topic(Topics.DELIVERY_RECEIPTS), marker, "{not json " + marker);
            kafka.await(TestTopics.topic(Topics.deadLetter(Topics.DELIVERY_RECEIPTS)),
                    r -> r.value().contains(marker) && r.headers().lastHeader("dead-letter-reason") != null, Fixtures.WAIT);
        }
    }

    @Test
    void responseFallingDueSoonRaisesOneSlaWarning() throws Exception {
        BlockingQueue<String> montpellier = open("agent-montpellier");
        String thread = UUID.randomUUID().toString();
        String id = "x:" + thread;
        io.vigie.events.RoutingDecision d = Fixtures.decision(thread, thread, "montpellier", "x:@NordlysCare_FR", "fr",
                "Toujours en panne", Sentiment.NEGATIVE, -0.4, Instant.now());
        Fixtures.publish(json, new io.vigie.events.RoutingDecision(d.version(), d.conversationId(), d.state(), d.centre(),
                d.queue(), d.priority(), d.actionable(), d.reasons(), Instant.now().plusSeconds(120), d.message(),
                d.routedAt()));
        assertTrue(next(montpellier, "sla_warning", id).contains("due at"));
        io.restassured.RestAssured.given().auth().oauth2(Tokens.forUser("agent-montpellier"))
                .get("/api/conversations/" + id).then().statusCode(200)
                .body("conversation.slaWarnedAt", org.hamcrest.Matchers.notNullValue());
    }
}
