package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.AgentPresence;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Reply;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** An agent's day on one conversation, through the API with real tokens, the real broker and the real database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ConversationActionsTest {

    private static final String SPACE = "x:@NordlysCare_FR";

    @Inject
    ObjectMapper json;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType("application/json");
    }

    private static String path(String id, String action) {
        return "/api/conversations/" + id + action;
    }

    @Test
    void claimReplyReceiptEscalateTransferAndClose() throws Exception {
        String id = Fixtures.conversation(json, "montpellier", SPACE, "fr",
                "Commande FR-2291-7731 jamais reçue, je suis furieuse", "agent-montpellier");
        String nativeId = id.substring(2);

        as("agent-montpellier").post(path(id, "/claim")).then().statusCode(200)
                .body("assignee", equalTo("agent-montpellier")).body("state", equalTo("assigned"));
        as("supervisor-montpellier").post(path(id, "/claim")).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("agent-montpellier"));

        as("agent-montpellier").body("{\"text\":\"Cliente en colère, commande bloquée\"}").post(path(id, "/notes"))
                .then().statusCode(201);
        as("agent-montpellier").body("{\"label\":\"livraison\"}").post(path(id, "/labels")).then().statusCode(204);
        as("agent-montpellier").body("{\"label\":\"livraison\"}").post(path(id, "/labels")).then().statusCode(204);
        as("agent-montpellier").get(path(id, "/canned")).then().statusCode(200)
                .body("text", hasItem(containsString("Bonjour @claire")))
                .body("text", hasItem(containsString("Nordlys X1")));

        // The policy blocks moving the customer off the network and echoing the order number, and says why.
        as("agent-montpellier").body("{\"text\":\"Envoyez-nous un e-mail avec la commande FR-2291-7731\"}")
                .post(path(id, "/replies")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.rule", hasItems("off_network", "personal_data_echoed"));
        as("agent-montpellier").body("{\"conversationId\":\"" + id + "\",\"text\":\"Appelez-nous au 01 23 45 67 89\"}")
                .post("/api/policy/check").then().statusCode(200)
                .body("allowed", equalTo(false)).body("violations.rule", hasItems("off_network", "phone_number"));
        as("agent-montpellier").body("{\"text\":\"DM us\",\"override\":\"customer asked for it\"}")
                .post(path(id, "/replies")).then().statusCode(403);

        String text = "Désolés pour ce retard ! Nous vérifions votre commande avec le transporteur et revenons vers vous ici.";
        String replyKey = as("agent-montpellier").body("{\"text\":\"" + text + "\"}").post(path(id, "/replies"))
                .then().statusCode(202).body("deliveryStatus", equalTo("pending")).body("inReplyTo", equalTo(nativeId))
                .extract().path("mentionKey");
        String replyId = replyKey.substring("reply:".length());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> rec = kafka.await(TestTopics.topic(Topics.REPLIES_OUTBOUND),
                    r -> r.value().contains(replyId), Fixtures.WAIT);
            Reply reply = json.readValue(rec.value(), Reply.class);
            assertEquals(id, rec.key());
            assertEquals(new Reply(Reply.VERSION, replyId, id, "x", SPACE, nativeId, text, "fr", "agent-montpellier",
                    "montpellier", reply.createdAt()), reply);
            kafka.send(TestTopics.topic(Topics.DELIVERY_RECEIPTS), replyId, json.writeValueAsString(new DeliveryReceipt(
                    DeliveryReceipt.VERSION, replyId, id, DeliveryReceipt.DELIVERED, "1900000000001", null, 1, Instant.now())));
        }
        Awaitility.await().atMost(Fixtures.WAIT).untilAsserted(() -> as("agent-montpellier").get(path(id, ""))
                .then().statusCode(200)
                .body("messages.find { it.mentionKey == '" + replyKey + "' }.deliveryStatus", equalTo("delivered"))
                .body("messages.find { it.mentionKey == '" + replyKey + "' }.networkPostId", equalTo("1900000000001"))
                .body("messages[0].urgency", equalTo(0.4f)).body("messages[0].segment", equalTo("consumer")));

        // A second reply to the same post is blocked; a supervisor may override, and the override is audited.
        as("agent-montpellier").body("{\"text\":\"Merci pour votre patience, nous revenons vers vous ici.\"}")
                .post(path(id, "/replies")).then().statusCode(422).body("violations.rule", hasItem("second_reply"));
        as("supervisor-montpellier").body("{\"text\":\"Merci pour votre patience, nous revenons vers vous ici.\","
                + "\"override\":\"the first reply was cut by the network\"}")
                .post(path(id, "/replies")).then().statusCode(202);
        as("supervisor-montpellier").get("/api/audit?overrides=true&conversationId=" + id).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].actor", equalTo("supervisor-montpellier"))
                .body("[0].override", equalTo(true)).body("[0].detail", containsString("second_reply"));

        as("agent-montpellier").body("{\"team\":\"b2b\",\"context\":\"Commande d'une entreprise\"}")
                .post(path(id, "/escalate")).then().statusCode(200).body("state", equalTo("escalated"))
                .body("escalatedTo", equalTo("b2b"));
        as("agent-montpellier").body("{\"team\":\"legal\",\"context\":\"x\"}").post(path(id, "/escalate"))
                .then().statusCode(400);
        as("agent-montpellier").body("{\"outcome\":\"livraison relancée\"}").post(path(id, "/take-back"))
                .then().statusCode(200).body("state", equalTo("assigned")).body("escalatedTo", nullValue());

        // Only a supervisor moves a conversation to another centre; then that centre, and only it, sees it.
        as("agent-montpellier").body("{\"toCentre\":\"austin\"}").post(path(id, "/transfer")).then().statusCode(403);
        as("agent-austin").get(path(id, "")).then().statusCode(404);
        as("supervisor-montpellier").body("{\"toCentre\":\"austin\",\"reason\":\"French-speaking B2B team\"}")
                .post(path(id, "/transfer")).then().statusCode(200).body("centre", equalTo("austin"));
        as("agent-montpellier").get(path(id, "")).then().statusCode(404);
        as("agent-austin").get("/api/conversations?limit=500").then().statusCode(200).body("id", hasItem(id));
        as("agent-austin").post(path(id, "/claim")).then().statusCode(200);
        as("agent-austin").post(path(id, "/resolve")).then().statusCode(200).body("state", equalTo("resolved"));
        as("agent-austin").post(path(id, "/close")).then().statusCode(200).body("state", equalTo("closed"))
                .body("closedBy", equalTo("agent-austin"));
        as("agent-austin").post(path(id, "/claim")).then().statusCode(409);

        JsonNode history = json.readTree(as("agent-austin").get(path(id, "")).then().statusCode(200)
                .body("labels", hasItem("livraison")).body("notes[0].author", equalTo("agent-montpellier"))
                .extract().asString()).get("history");
        StringBuilder actions = new StringBuilder();
        history.forEach(h -> actions.append(h.get("action").asText()).append(' '));
        assertEquals("claim note label_add reply policy_override reply escalate take_back transfer claim resolve close",
                actions.toString().trim());

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("vigie_workspace_policy_blocks_total{rule=\"second_reply\"}"), "blocks metric");
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("vigie_workspace_replies_total{outcome=\"overridden\"}"), "replies metric");
    }

    @Test
    void releaseAndTransferBetweenAgentsOfTheCentre() {
        String id = Fixtures.conversation(json, "bratislava", "x:@NordlysCare_SK", "sk", "Nefunguje mi to",
                "agent-bratislava");
        as("agent-bratislava").post(path(id, "/release")).then().statusCode(409);
        as("agent-bratislava").post(path(id, "/claim")).then().statusCode(200);
        as("agent-bratislava").post(path(id, "/release")).then().statusCode(200).body("assignee", nullValue())
                .body("state", equalTo("queued"));
        as("agent-bratislava").body("{\"toAgent\":\"supervisor-bratislava\"}").post(path(id, "/transfer"))
                .then().statusCode(200).body("assignee", equalTo("supervisor-bratislava"));
        as("agent-bratislava").post(path(id, "/claim")).then().statusCode(409);
        as("agent-bratislava").get("/api/conversations?mine=true&limit=500").then().body("id", not(hasItem(id)));
        as("supervisor-bratislava").get("/api/conversations?mine=true&limit=500").then().body("id", hasItem(id));
        as("agent-bratislava").body("{\"toAgent\":\"a\",\"toCentre\":\"austin\"}").post(path(id, "/transfer"))
                .then().statusCode(400);
        as("agent-bratislava").body("{\"text\":\"\"}").post(path(id, "/replies")).then().statusCode(400);
    }

    @Test
    void presenceIsPublishedForRouting() throws Exception {
        as("agent-sao-paulo").body("{\"status\":\"away\",\"languages\":[\"pt\",\"es\"],\"skills\":[\"gaming\"],\"capacity\":4}")
                .put("/api/presence").then().statusCode(200).body("status", equalTo("away"));
        as("agent-sao-paulo").body("{\"status\":\"sleeping\"}").put("/api/presence").then().statusCode(400);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> rec = kafka.await(TestTopics.topic(Topics.AGENT_PRESENCE),
                    r -> "agent-sao-paulo".equals(r.key()) && r.value().contains("away"), Fixtures.WAIT);
            AgentPresence p = json.readValue(rec.value(), AgentPresence.class);
            assertEquals("sao-paulo", p.centre());
            assertEquals(java.util.List.of("pt", "es"), p.languages());
            assertEquals(4, p.capacity());
        }
        as("supervisor-sao-paulo").get("/api/presence").then().statusCode(200)
                .body("find { it.agentId == 'agent-sao-paulo' }.status", equalTo("away"));
        as("agent-austin").get("/api/presence").then().statusCode(200).body("agentId", not(hasItem("agent-sao-paulo")));
    }

    @Test
    void twoAgentsClaimingAtOnceCannotBothWin() throws Exception {
        String id = Fixtures.conversation(json, "austin", "x:@NordlysCare", "en", "Battery drains overnight",
                "agent-austin");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String user = i % 2 == 0 ? "agent-austin" : "supervisor-austin";
                calls.add(pool.submit(() -> as(user).post(path(id, "/claim")).statusCode()));
            }
            java.util.Map<Integer, Long> codes = new java.util.TreeMap<>();
            for (var f : calls) {
                codes.merge(f.get(), 1L, Long::sum);
            }
            String holder = as("agent-austin").get(path(id, "")).then().statusCode(200).extract().path("conversation.assignee");
            long winnerCalls = codes.getOrDefault(200, 0L);
            // The holder's own repeated claims succeed (idempotent); the other user's all answer 409.
            assertEquals(3L, winnerCalls, codes::toString);
            assertEquals(3L, codes.getOrDefault(409, 0L), codes::toString);
            org.junit.jupiter.api.Assertions.assertTrue(holder.equals("agent-austin") || holder.equals("supervisor-austin"));
            as("agent-austin").get(path(id, "")).then().body("history.findAll { it.action == 'claim' }.actor.unique()",
                    org.hamcrest.Matchers.contains(holder));
        } finally {
            pool.shutdownNow();
        }
    }
}
