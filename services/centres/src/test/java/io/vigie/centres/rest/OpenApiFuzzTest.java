package io.vigie.centres.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.Tokens;
import io.vigie.testsupport.fuzz.RestFuzzer;
import io.vigie.testsupport.fuzz.RestFuzzer.Caller;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every operation of centres's OpenAPI document fuzzed with random parameters and bodies by several callers:
 * never a 5xx, never a hang, every 4xx a problem body. {@code -Dfuzz.seed} replays a run, {@code -Dfuzz.tries} sets
 * the tries per operation.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class OpenApiFuzzTest {

    private static final Logger LOG = Logger.getLogger(OpenApiFuzzTest.class);

    @TestHTTPResource("/")
    URI base;

    @Test
    void noOperationAnswersA5xxOrAnythingButAProblem() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int tries = Integer.getInteger("fuzz.tries", 12);
        RestFuzzer fuzzer = RestFuzzer.forService(base)
                .without(op -> op.path().endsWith("/stream"));
        List<RestFuzzer.Failure> failures = fuzzer.run(seed, tries, List.of(
                new Caller("supervisor-montpellier", () -> Tokens.forUser("supervisor-montpellier")),
                new Caller("agent-montpellier", () -> Tokens.forUser("agent-montpellier")),
                new Caller("vigie-admin (admin, austin)", () -> Tokens.forUser("vigie-admin")),
                new Caller("automation (admin)", Tokens::forClient),
                new Caller("anonymous", null)));
        LOG.infof("fuzzed %d operations x %d tries (seed %d):%n%s", fuzzer.operations().size(), tries, seed, fuzzer.summary());
        assertTrue(fuzzer.operations().size() >= 8, "the OpenAPI document lists centres's operations");
        assertTrue(failures.isEmpty(), "seed " + seed + ", " + failures.size() + " failures:\n"
                + RestFuzzer.report(failures));
    }
}
