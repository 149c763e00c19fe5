package io.vigie.centres.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.CentreConfig;
import io.vigie.events.Topics;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The centres registry behind real Keycloak tokens: reads, admin changes with validation, publication on Kafka. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class CentreResourceTest {

    @Inject
    ObjectMapper json;

    private static String centre(String id, String timeZone, int capacity) {
        return """
                {"id": "%s", "city": "Oslo", "timeZone": "%s", "primaryLanguages": ["no"], "secondaryLanguages": ["en"],
                 "residencyZone": "EU", "businessHours": {"MONDAY": ["08:00-16:00"], "TUESDAY": ["08:00-16:00"]},
                 "holidays": ["2026-12-25"], "skills": ["general"], "capacity": %d, "saturationWaitSeconds": 900,
                 "sla": {"firstResponseSeconds": 1800, "nextResponseSeconds": 3600, "resolutionSeconds": 86400,
                         "businessHoursOnly": true},
                 "spaces": ["x:@NordlysCare_NO"], "watchlists": ["brand-no"]}""".formatted(id, timeZone, capacity);
    }

    private CentreConfig awaitPublished(KafkaTestClient kafka, String id, java.util.function.Predicate<CentreConfig> match) {
        return kafka.awaitAll(TestTopics.topic(Topics.CENTRES_CONFIG), r -> {
            if (!r.key().equals(id)) {
                return false;
            }
            try {
                return match.test(json.readValue(r.value(), CentreConfig.class));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, 1, Duration.ofSeconds(60)).stream().map(r -> {
            try {
                return json.readValue(r.value(), CentreConfig.class);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).findFirst().orElseThrow();
    }

    @Test
    void seededCentresAreListed() {
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres")
                .then().statusCode(200)
                .body("id", hasItems("austin", "bratislava", "montpellier", "sao-paulo"));
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres/montpellier")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"))
                .body("primaryLanguages", contains("fr", "it"))
                .body("businessHours.SATURDAY", contains("09:00-17:00"))
                .body("sla.firstResponseSeconds", equalTo(2700))
                .body("spaces", hasItem("x:@NordlysCare_FR"));
    }

    @Test
    void seededCentresArePublishedAtStartOnACompactedTopic() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (String id : List.of("austin", "bratislava", "sao-paulo", "montpellier")) {
                CentreConfig c = awaitPublished(kafka, id, x -> true);
                assertEquals(id, c.id());
                assertTrue(c.capacity() > 0, "capacity of " + id);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.get().kafkaBootstrap()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TestTopics.topic(Topics.CENTRES_CONFIG));
            Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    @Test
    void unknownCentreIsAProblem() {
        given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres/atlantis")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anonymousCallsAreRefused() {
        given().get("/api/centres").then().statusCode(401);
    }

    @Test
    void adminCreatesChangesAndRetiresACentreAndEveryChangeIsPublished() {
        String admin = Tokens.forUser("vigie-admin");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            given().auth().oauth2(admin).contentType("application/json").body(centre("oslo", "Europe/Oslo", 12))
                    .post("/api/centres").then().statusCode(201).header("Location", startsWith("http"))
                    .body("id", equalTo("oslo")).body("capacity", equalTo(12));
            CentreConfig created = awaitPublished(kafka, "oslo", c -> c.capacity() == 12);
            assertEquals(List.of("08:00-16:00"), created.businessHours().get("MONDAY"));
            assertEquals(1800, created.sla().firstResponseSeconds());

            given().auth().oauth2(admin).contentType("application/json").body(centre("oslo", "Europe/Oslo", 30))
                    .put("/api/centres/oslo").then().statusCode(200).body("capacity", equalTo(30));
            awaitPublished(kafka, "oslo", c -> c.capacity() == 30 && !c.deleted());
            given().auth().oauth2(Tokens.forUser("agent-austin")).get("/api/centres/oslo")
                    .then().statusCode(200).body("capacity", equalTo(30));

            given().auth().oauth2(admin).delete("/api/centres/oslo").then().statusCode(204);
            awaitPublished(kafka, "oslo", CentreConfig::deleted);
            given().auth().oauth2(admin).get("/api/centres/oslo").then().statusCode(404);
            given().auth().oauth2(admin).get("/api/centres").then().statusCode(200).body("id", not(hasItem("oslo")));
            given().auth().oauth2(admin).delete("/api/centres/oslo").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void invalidConfigurationIsRefusedWithEveryReason() {
        String body = centre("bergen", "Europe/Atlantis", 0)
                .replace("\"primaryLanguages\": [\"no\"]", "\"primaryLanguages\": []")
                .replace("\"08:00-16:00\"], \"TUESDAY\"", "\"16:00-08:00\"], \"TUESDAY\"");
        given().auth().oauth2(Tokens.forUser("vigie-admin")).contentType("application/json").body(body)
                .post("/api/centres").then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItems(
                        "timeZone: 'Europe/Atlantis' is not an IANA time zone",
                        "primaryLanguages: at least one language is required",
                        "capacity: must be at least 1 conversation",
                        "businessHours.MONDAY: range '16:00-08:00' ends before it starts"));
        given().auth().oauth2(Tokens.forUser("vigie-admin")).get("/api/centres/bergen").then().statusCode(404);
    }

    @Test
    void malformedBodiesAndMismatchedIdsAreClientErrors() {
        String admin = Tokens.forUser("vigie-admin");
        given().auth().oauth2(admin).contentType("application/json").body("{\"id\": \"x\", \"holidays\": [\"2026-13-45\"]}")
                .post("/api/centres").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json").body("not json")
                .post("/api/centres").then().statusCode(400);
        given().auth().oauth2(admin).contentType("application/json").body(centre("austin", "America/Chicago", 5))
                .put("/api/centres/montpellier").then().statusCode(400)
                .body("violations[0]", startsWith("id: the body's id 'austin' differs"));
        given().auth().oauth2(admin).contentType("application/json").body(centre("austin", "America/Chicago", 5))
                .post("/api/centres").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json").body(centre("atlantis", "Europe/Oslo", 5))
                .put("/api/centres/atlantis").then().statusCode(404);
    }

    @Test
    void onlyAdminsChangeTheRegistry() {
        given().auth().oauth2(Tokens.forUser("supervisor-montpellier")).contentType("application/json")
                .body(centre("tromso", "Europe/Oslo", 5)).post("/api/centres").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser("agent-montpellier")).delete("/api/centres/montpellier").then().statusCode(403);
        given().contentType("application/json").body(centre("tromso", "Europe/Oslo", 5))
                .post("/api/centres").then().statusCode(401);
    }
}
