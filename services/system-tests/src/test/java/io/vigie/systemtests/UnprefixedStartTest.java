package io.vigie.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * The five services start as `make run` starts them, with no topic prefix: the tests and the bench always give one,
 * and centres once failed at start-up without it (an empty value is no value to SmallRye Config).
 */
class UnprefixedStartTest {

    @Test
    void everyServiceIsReadyWithoutATopicPrefix() throws Exception {
        try (VigieServices services = VigieServices.start("", "services/system-tests/target/unprefixed")) {
            for (String name : VigieServices.NAMES) {
                given().baseUri(services.url(name)).get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"));
            }
        }
    }
}
