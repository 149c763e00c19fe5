package io.vigie.workspace.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Community experts see and act only within the spaces and rights a supervisor granted, and lose them on revoke. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ExpertGrantsTest {

    @Inject
    ObjectMapper json;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType("application/json");
    }

    @Test
    void expertActsOnlyWithinGrantsAndAnswersAfterReview() {
        String forum = "community:forum-gaming-" + UUID.randomUUID();
        String granted = Fixtures.conversation(json, "montpellier", forum, "fr",
                "Ma carte graphique chauffe en jeu, une idée ?", "agent-montpellier");
        String other = Fixtures.conversation(json, "montpellier", "x:@NordlysCare_FR", "fr",
                "Toujours pas de réponse", "agent-montpellier");

        as("expert-montpellier").get("/api/expert/conversations/" + granted).then().statusCode(404);
        long grant = ((Number) as("supervisor-montpellier")
                .body("{\"expert\":\"expert-montpellier\",\"space\":\"" + forum + "\",\"rights\":[\"answer\",\"accept\"]}")
                .post("/api/grants").then().statusCode(201).body("rights", equalTo("accept,answer"))
                .extract().path("id")).longValue();
        as("supervisor-montpellier").body("{\"expert\":\"expert-montpellier\",\"space\":\"s\",\"rights\":[\"delete\"]}")
                .post("/api/grants").then().statusCode(400);

        as("expert-montpellier").get("/api/expert/conversations?limit=500").then().statusCode(200)
                .body("id", hasItem(granted)).body("id", not(hasItem(other)));
        as("expert-montpellier").get("/api/expert/conversations/" + other).then().statusCode(404);
        as("expert-montpellier").get("/api/expert/conversations/" + granted).then().statusCode(200)
                .body("conversation.space", equalTo(forum));
        as("expert-montpellier").get("/api/conversations/" + granted).then().statusCode(403);

        as("expert-montpellier").body("{\"text\":\"Écrivez-moi en privé\"}")
                .post("/api/expert/conversations/" + granted + "/replies").then().statusCode(422);
        String key = as("expert-montpellier")
                .body("{\"text\":\"Bonjour ! Vérifiez que le pilote est à jour et nettoyez les ventilateurs, cela suffit souvent.\"}")
                .post("/api/expert/conversations/" + granted + "/replies").then().statusCode(202)
                .body("expert", equalTo(true)).body("deliveryStatus", equalTo("review"))
                .extract().path("mentionKey");
        String customerPost = "x:" + granted.substring(2);
        as("expert-montpellier").post("/api/expert/conversations/" + granted + "/messages/" + customerPost + "/hide")
                .then().statusCode(403);
        as("expert-montpellier").post("/api/expert/conversations/" + granted + "/messages/" + key + "/accept")
                .then().statusCode(200).body("accepted", equalTo(true));

        as("agent-montpellier").post("/api/conversations/" + granted + "/messages/" + key + "/approve")
                .then().statusCode(200).body("deliveryStatus", equalTo("pending"));
        as("agent-montpellier").post("/api/conversations/" + granted + "/messages/" + key + "/approve")
                .then().statusCode(409);
        String replyId = key.substring("reply:".length());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.await(TestTopics.topic(Topics.REPLIES_OUTBOUND),
                    r -> r.value().contains(replyId) && r.value().contains("\"agentId\":\"expert-montpellier\""),
                    Fixtures.WAIT);
        }
        as("supervisor-montpellier").get("/api/audit?conversationId=" + granted).then().statusCode(200)
                .body("action", hasItem("expert_reply")).body("action", hasItem("expert_accept"))
                .body("action", hasItem("review_approve"));

        as("supervisor-austin").delete("/api/grants/" + grant).then().statusCode(404);
        as("supervisor-montpellier").delete("/api/grants/" + grant).then().statusCode(200);
        as("expert-montpellier").get("/api/expert/conversations/" + granted).then().statusCode(404);
        as("expert-montpellier").get("/api/expert/conversations?limit=500").then().statusCode(200)
                .body("id", not(hasItem(granted)));
        as("supervisor-montpellier").get("/api/audit").then().statusCode(200)
                .body("action", hasItem("grant")).body("action", hasItem("revoke"));
    }
}
