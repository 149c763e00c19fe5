package io.vigie.centres.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The start-up warm-up (ADR 0124) runs its rounds of the JSON report, the map of spaces and the recurring questions
 * through to the end on the real database, and readiness reports it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ReportWarmUpTest {

    @Test
    void readinessWaitsForTheWarmUpsRoundsAndReportsThem() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItem("report warm-up"))
                .body("checks.find { it.name == 'report warm-up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'report warm-up' }.data.rounds", equalTo("2/2"))
                .body("checks.find { it.name == 'report warm-up' }.data.outcome", equalTo("done")));
    }
}
