package io.vigie.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The watchlist admin API and the tagging of mentions, against the real database, broker and Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class WatchlistResourceTest {

    static final String ADMIN = "vigie-admin"; // role admin, centre austin

    static String create(String name, String query) {
        return given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"name\":\"%s\",\"query\":%s}".formatted(name, quote(query)))
                .post("/api/admin/watchlists")
                .then().statusCode(201).body("centre", equalTo("austin")).extract().path("id");
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static void insertForeign(String table, String id, String extra) throws Exception {
        Infra infra = Infra.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("ingestion_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD"));
                PreparedStatement st = c.prepareStatement(extra)) {
            st.setString(1, id);
            st.executeUpdate();
        }
    }

    @Test
    void mentionsAreTaggedWithTheWatchlistsTheyMatch() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String hit = create("Antivirus crisis " + tag, "(antivir* OR \"shield update\") AND " + tag + " NOT lang:en");
        String miss = create("Gaming " + tag, "gaming AND " + tag);
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.forClient()).contentType("application/json")
                .body("""
                        {"network":"x","id":"%s","text":"L'ANTIVIRUS a planté mon PC %s 😡","lang":"fr","createdAt":"2026-11-22T10:00:00Z"}"""
                        .formatted(id, tag))
                .post("/api/mentions").then().statusCode(202);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ConsumerRecord<String, String> record = kafka.await(TestTopics.topic("mentions.raw"),
                    r -> r.value().contains(id), Duration.ofSeconds(30));
            // other watchlists of the shared test database may match too (OpenApiFuzzTest creates some with random
            // queries): this one must, the other of this test must not
            List<String> watchlists = io.restassured.path.json.JsonPath.from(record.value()).getList("watchlists", String.class);
            assertTrue(watchlists.contains(hit), record.value());
            assertTrue(!watchlists.contains(miss), record.value());
        }
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"query\":\"antivirus NEAR/5 " + tag + "\"}")
                .post("/api/admin/watchlists/dry-run")
                .then().statusCode(200)
                .body("matched", equalTo(1))
                .body("scanned", greaterThanOrEqualTo(1))
                .body("samples[0].key", equalTo("x:" + id));
    }

    @Test
    void badQueryIsRefusedWithTheColumnOfTheMistake() {
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"name\":\"broken\",\"query\":\"nordlys AND (screen OR\"}")
                .post("/api/admin/watchlists")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid watchlist query"))
                .body("column", equalTo(23))
                .body("reason", containsString("expected a term after 'OR'"));
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"query\":\"foo:bar\"}")
                .post("/api/admin/watchlists/dry-run")
                .then().statusCode(400).body("column", equalTo(1));
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"query\":\"nordlys\"}")
                .post("/api/admin/watchlists")
                .then().statusCode(400).body("detail", containsString("name is required"));
    }

    @Test
    void crudIsScopedToTheCallersCentre() throws Exception {
        String id = create("Palm oil", "\"palm oil\" OR palmoil");
        given().auth().oauth2(Tokens.forUser(ADMIN)).get("/api/admin/watchlists")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"name\":\"Palm oil v2\",\"query\":\"palm* NEAR/2 oil\"}")
                .put("/api/admin/watchlists/" + id)
                .then().statusCode(200).body("query", equalTo("palm* NEAR/2 oil"));

        String foreign = "foreign-" + UUID.randomUUID();
        insertForeign("watchlist", foreign, "insert into watchlist (id, centre, name, query, created_at, updated_at)"
                + " values (?, 'montpellier', 'Secret', 'secret', now(), now())");
        given().auth().oauth2(Tokens.forUser(ADMIN)).get("/api/admin/watchlists/" + foreign).then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(ADMIN)).delete("/api/admin/watchlists/" + foreign).then().statusCode(404);
        given().auth().oauth2(Tokens.forUser(ADMIN)).get("/api/admin/watchlists")
                .then().statusCode(200).body("id", not(hasItem(foreign)));

        given().auth().oauth2(Tokens.forUser(ADMIN)).delete("/api/admin/watchlists/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.forUser(ADMIN)).get("/api/admin/watchlists/" + id).then().statusCode(404);
    }

    @Test
    void spacesAreScopedToTheCallersCentre() throws Exception {
        String id = "x:@Nordlys" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"network\":\"x\",\"name\":\"Nordlys Care US\",\"purpose\":\"support\",\"owner\":\"care team\"}")
                .put("/api/admin/spaces/" + id)
                .then().statusCode(200).body("centre", equalTo("austin")).body("purpose", equalTo("support"));
        given().auth().oauth2(Tokens.forUser(ADMIN)).get("/api/admin/spaces").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"network\":\"x\",\"name\":\"n\",\"purpose\":\"selling\"}")
                .put("/api/admin/spaces/" + id)
                .then().statusCode(400).body("detail", containsString("purpose 'selling' is not one of"));

        String foreign = "facebook:" + UUID.randomUUID();
        insertForeign("space", foreign, "insert into space (id, centre, network, name, purpose, created_at, updated_at)"
                + " values (?, 'bratislava', 'facebook', 'Nordlys SK', 'support', now(), now())");
        given().auth().oauth2(Tokens.forUser(ADMIN)).contentType("application/json")
                .body("{\"network\":\"facebook\",\"name\":\"mine now\",\"purpose\":\"support\"}")
                .put("/api/admin/spaces/" + foreign)
                .then().statusCode(409);
        given().auth().oauth2(Tokens.forUser(ADMIN)).get("/api/admin/spaces/" + foreign).then().statusCode(404);
    }

    @Test
    void adminApiNeedsAnAdminWithACentre() {
        given().get("/api/admin/watchlists").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("supervisor-montpellier")).get("/api/admin/watchlists").then().statusCode(403);
        given().auth().oauth2(Tokens.forClient()).get("/api/admin/watchlists")
                .then().statusCode(403).body("detail", containsString("no centre claim"));
    }
}
