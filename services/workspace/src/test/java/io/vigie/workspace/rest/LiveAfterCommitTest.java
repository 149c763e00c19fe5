package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Topics;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import io.vigie.workspace.security.Actor;
import io.vigie.workspace.service.LiveUpdates;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live event is a screen's cue to reload: when it is announced, the change it announces must already be committed,
 * or the screen reloads the old state and stays there (a browser test once waited 60 s for a "delivered" its reload
 * had read as "pending"). The listener below reads the database through its own connection, on the announcing thread,
 * at the moment each event is announced.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class LiveAfterCommitTest {

    @Inject
    ObjectMapper json;

    @Inject
    LiveUpdates live;

    /** What the database held, committed, when each event was announced: "type conversation" → value read. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private Cancellable listening;

    @AfterEach
    void stopListening() {
        if (listening != null) {
            listening.cancel();
        }
    }

    private void listen(String centre) {
        listening = live.stream(new Actor("observer", centre, Set.of(Actor.AGENT)), Set.of()).subscribe().with(e -> {
            switch (e.type()) {
                case "assignment" -> seen.put("assignment " + e.conversationId(),
                        committed("select coalesce(assignee, '-') from conversation where id = ?", e.conversationId()));
                case "receipt" -> seen.put("receipt " + e.conversationId(), committed(
                        "select string_agg(delivery_status, ',') from message where conversation_id = ? and direction = 'outbound'",
                        e.conversationId()));
                default -> {
                }
            }
        });
    }

    private static String committed(String sql, String id) {
        Infra infra = Infra.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("workspace_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD")); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, id);
            try (ResultSet r = st.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String awaitSeen(String key) {
        Awaitility.await().atMost(Fixtures.WAIT).until(() -> seen.containsKey(key));
        return seen.get(key);
    }

    @Test
    void claimAndReceiptAreCommittedWhenAnnounced() throws Exception {
        listen("bratislava");
        String id = Fixtures.conversation(json, "bratislava", "x:@NordlysCare_SK", "sk", "Notebook sa nezapne",
                "agent-bratislava");

        given().auth().oauth2(Tokens.forUser("agent-bratislava")).post("/api/conversations/" + id + "/claim")
                .then().statusCode(200);
        assertEquals("agent-bratislava", awaitSeen("assignment " + id));

        String key = given().auth().oauth2(Tokens.forUser("agent-bratislava")).contentType("application/json")
                .body("{\"text\":\"Je nám to ľúto! Môžete nám napísať, akú verziu máte? Radi vám pomôžeme.\"}")
                .post("/api/conversations/" + id + "/replies").then().statusCode(202).extract().path("mentionKey");
        String replyId = key.substring("reply:".length());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.DELIVERY_RECEIPTS), replyId, json.writeValueAsString(new DeliveryReceipt(
                    DeliveryReceipt.VERSION, replyId, id, DeliveryReceipt.DELIVERED, "1900000000077", null, 1,
                    Instant.now())));
        }
        assertEquals(DeliveryReceipt.DELIVERED, awaitSeen("receipt " + id));
    }
}
