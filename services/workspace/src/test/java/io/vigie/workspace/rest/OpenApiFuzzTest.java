package io.vigie.workspace.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import io.vigie.testsupport.fuzz.RestFuzzer;
import io.vigie.testsupport.fuzz.RestFuzzer.Caller;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation of workspace's OpenAPI document fuzzed with random parameters and bodies by several callers:
 * never a 5xx, never a hang, every 4xx a problem body. {@code -Dfuzz.seed} replays a run, {@code -Dfuzz.tries} sets
 * the tries per operation.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class OpenApiFuzzTest {

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URI base;

    @Test
    void noOperationAnswersA5xxOrAnythingButAProblem() {
        String conversation = Fixtures.conversation(json, "montpellier", "x:@NordlysCare", "fr",
                "Mon écran reste noir depuis la mise à jour, que faire ?", "agent-montpellier");
        RestFuzzer.forService(base)
                .knownValues("id", conversation)
                .knownValues("key", conversation)
                .without(op -> op.path().equals("/api/stream"))
                .assertSound("workspace", 20, List.of(
                new Caller("supervisor-montpellier", () -> Tokens.forUser("supervisor-montpellier")),
                new Caller("agent-montpellier", () -> Tokens.forUser("agent-montpellier")),
                new Caller("expert-montpellier", () -> Tokens.forUser("expert-montpellier")),
                new Caller("anonymous", null)));
    }
}
