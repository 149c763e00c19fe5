package io.vigie.scoring.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import io.vigie.testsupport.fuzz.RestFuzzer;
import io.vigie.testsupport.fuzz.RestFuzzer.Caller;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of scoring's OpenAPI document fuzzed with random parameters and bodies by several callers:
 * never a 5xx, never a hang, every 4xx a problem body. {@code -Dfuzz.seed} replays a run, {@code -Dfuzz.tries} sets
 * the tries per operation.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void noOperationAnswersA5xxOrAnythingButAProblem() {
        RestFuzzer.forService(base).assertSound("scoring", 1, List.of(
                new Caller("supervisor-montpellier", () -> Tokens.forUser("supervisor-montpellier")),
                new Caller("agent-montpellier", () -> Tokens.forUser("agent-montpellier")),
                new Caller("automation (admin)", Tokens::forClient),
                new Caller("anonymous", null)));
    }
}
