package io.vigie.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vigie.ingestion.support.Hmac;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.fuzz.JsonMutator;
import io.vigie.testsupport.fuzz.Junk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Correctly signed webhook deliveries whose payload is a valid one of each network with fields missing, null, of
 * the wrong type, hostile or extra, or not JSON at all: each answers 200 (posts stored, the rest dead-lettered or
 * ignored) or a 4xx problem, never a 5xx; and a processed delivery sent again is refused as a replay.
 * {@code -Dfuzz.seed} replays a run, {@code -Dfuzz.tries} sets the tries per network.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class WebhookResourceFuzzTest {

    private static final Logger LOG = Logger.getLogger(WebhookResourceFuzzTest.class);

    @Test
    void signedButMalformedDeliveriesGetAClearAnswer() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int tries = Integer.getInteger("fuzz.tries", 60);
        Junk junk = new Junk(seed);
        JsonMutator mutator = new JsonMutator(junk);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < tries; i++) {
            String u = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            for (String network : List.of("meta", "discourse", "linkedin")) {
                String valid = switch (network) {
                    case "meta" -> WebhookResourceTest.pageComment("1029" + u.substring(0, 4), "p" + u, "c" + u, "add", "Écran noir ?");
                    case "discourse" -> WebhookResourceTest.discoursePost(String.valueOf(Math.abs(u.hashCode())), "77", 2, 1, "Même souci ?");
                    default -> """
                            {"type":"ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS","notifications":[{"notificationId":1,
                             "organizationalEntity":"urn:li:organization:2414183","action":"COMMENT","sourcePost":"urn:li:share:7%1$s",
                             "generatedActivity":"urn:li:comment:(urn:li:activity:7%1$s,68%1$s)","decoratedGeneratedActivity":{"comment":
                             {"entity":"urn:li:person:a1","text":"Quand ?","object":"urn:li:activity:7%1$s"}},"lastModifiedAt":1795341600000}]}"""
                            .formatted(u);
                };
                JsonMutator.Mutation m = mutator.mutate(valid);
                Response r = send(network, m.payload());
                statuses.merge(network + " " + r.statusCode(), 1, Integer::sum);
                check(network, m, r, failures, 200, 400, 409);
                if (r.statusCode() == 200) {
                    Response again = send(network, m.payload());
                    check(network + " replayed", m, again, failures, 409);
                }
            }
        }
        LOG.infof("webhook fuzzing (seed %d, %d tries per network): %s", seed, tries, statuses);
        assertTrue(failures.isEmpty(), "seed " + seed + ":\n" + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
    }

    private static Response send(String network, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var r = given().contentType("application/json").body(bytes);
        return switch (network) {
            case "meta" -> r.header("X-Hub-Signature-256", "sha256=" + Hmac.hex(WebhookResourceTest.META_SECRET, body))
                    .post("/webhooks/meta");
            case "discourse" -> r.header("X-Discourse-Event-Signature", "sha256=" + Hmac.hex(WebhookResourceTest.DISCOURSE_SECRET, body))
                    .header("X-Discourse-Event", "post_created").header("X-Discourse-Instance", "https://community.nordlys.example")
                    .post("/webhooks/discourse");
            default -> r.header("X-LI-Signature", Hmac.hex(WebhookResourceTest.LINKEDIN_SECRET, "hmacsha256=" + body))
                    .post("/webhooks/linkedin");
        };
    }

    private static void check(String what, JsonMutator.Mutation m, Response r, List<String> failures, int... allowed) {
        int status = r.statusCode();
        boolean ok = false;
        for (int a : allowed) {
            ok |= a == status;
        }
        if (status >= 400 && !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            ok = false;
        }
        if (!ok) {
            failures.add(what + " (" + m.description() + ") -> " + status + ": " + r.asString()
                    + "\n    body: " + (m.payload().length() > 300 ? m.payload().substring(0, 300) + "…" : m.payload()));
        }
    }
}
