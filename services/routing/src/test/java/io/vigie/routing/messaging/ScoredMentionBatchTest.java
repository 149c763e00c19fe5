package io.vigie.routing.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.ScoredMention;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.WorldTest;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.service.RoutingService;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.TopicWatcher;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Routing a poll's batch in one transaction gives what routing its records one by one gives, and a record that fails
 * the batch's transaction is dead-lettered alone while the others are routed.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ScoredMentionBatchTest extends WorldTest {

    @Inject
    RoutingService routing;

    /** Three threads, interleaved, one message delivered twice: what a poll of a busy partition looks like. */
    private static List<ScoredMention> interleaved(String run) {
        List<ScoredMention> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (int t = 0; t < 3; t++) {
                String thread = run + "-t" + t;
                String id = i == 0 ? thread : thread + "-" + i;
                batch.add(RoutingScenario.scored(id, thread, t == 2 ? "de" : "fr",
                        t == 2 ? "facebook:nordlys.de" : "facebook:nordlys.fr",
                        "Meine Bestellung ist nicht angekommen " + id, "billing_delivery", "negative", null, 0.6));
            }
        }
        batch.add(batch.get(4));
        return batch;
    }

    private static List<String> history(String conversation) {
        return RoutingScenario.rows("select from_state, to_state, reason from conversation_transition "
                + "where conversation_id = ?1 order by id", conversation).stream()
                .map(r -> r[0] + ">" + r[1] + ": " + r[2]).toList();
    }

    @Test
    void aBatchRoutesAsItsRecordsOneByOne() {
        String batched = UUID.randomUUID().toString().substring(0, 8);
        String single = UUID.randomUUID().toString().substring(0, 8);
        RoutingService.RoutedBatch out = RoutingScenario.db(() -> routing.routeBatch(interleaved(batched)));
        for (ScoredMention s : interleaved(single)) {
            RoutingScenario.db(() -> routing.route(s));
        }
        assertEquals(9, out.decisions().size(), "one decision per new message, none for the redelivery");
        assertTrue(out.centres().size() <= 2 && !out.centres().isEmpty(), out.centres().toString());
        for (int t = 0; t < 3; t++) {
            Conversation b = RoutingScenario.conversation("facebook:" + batched + "-t" + t);
            Conversation s = RoutingScenario.conversation("facebook:" + single + "-t" + t);
            assertEquals(3, b.messageCount);
            assertEquals(s.messageCount, b.messageCount);
            assertEquals(s.state, b.state);
            assertEquals(s.centre, b.centre);
            assertEquals(s.queue, b.queue);
            assertEquals(s.priority, b.priority);
            assertEquals(history("facebook:" + single + "-t" + t).stream().map(h -> h.replace(single, "*")).toList(),
                    history("facebook:" + batched + "-t" + t).stream().map(h -> h.replace(batched, "*")).toList());
        }
        // the decisions of a conversation are in the order of its messages
        List<String> t0 = out.decisions().stream().filter(d -> d.conversationId().equals("facebook:" + batched + "-t0"))
                .map(d -> d.payload().contains(batched + "-t0-2") ? "2" : d.payload().contains(batched + "-t0-1") ? "1" : "0")
                .toList();
        assertEquals(List.of("0", "1", "2"), t0);
    }

    @Test
    void aRecordThatFailsTheBatchIsDeadLetteredAloneAndTheOthersAreRouted() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String thread = run + "-thread";
        // a native id longer than the 300 characters the message ledger holds fails the insert, hence the batch
        String tooLong = thread + "-" + "x".repeat(320);
        try (TopicWatcher out = new TopicWatcher(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                TestTopics.topic(Topics.MENTIONS_SCORED) + ".dlq")) {
            scenario.send(RoutingScenario.scored(thread, thread, "fr", "facebook:nordlys.fr", "Colis perdu", "billing_delivery",
                    "negative", null, 0.6));
            scenario.send(RoutingScenario.scored(tooLong, thread, "fr", "facebook:nordlys.fr", "Toujours rien",
                    "billing_delivery", "negative", null, 0.6));
            scenario.send(RoutingScenario.scored(thread + "-3", thread, "fr", "facebook:nordlys.fr", "Alors ?",
                    "billing_delivery", "negative", null, 0.6));
            await().atMost(Duration.ofSeconds(60)).until(() -> out.anyValueContains("\"nativeId\":\"" + thread + "-3\"")
                    && out.withKey("facebook:" + thread).stream().anyMatch(s -> s.topic().endsWith(".dlq")));
            List<TopicWatcher.Seen> dead = out.withKey("facebook:" + thread).stream()
                    .filter(s -> s.topic().endsWith(".dlq")).toList();
            assertEquals(1, dead.size(), dead.toString());
            assertTrue(dead.get(0).value().contains(tooLong));
            assertTrue(dead.get(0).reason().contains("value too long"), dead.get(0).reason());
        }
        assertEquals(2, RoutingScenario.conversation("facebook:" + thread).messageCount);
    }
}
