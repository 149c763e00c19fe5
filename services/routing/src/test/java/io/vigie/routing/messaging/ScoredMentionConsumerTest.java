package io.vigie.routing.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Topics;
import io.vigie.routing.RoutingScenario;
import io.vigie.routing.WorldTest;
import io.vigie.routing.domain.Conversation;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** mentions.scored and agents.presence to conversations.routed through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ScoredMentionConsumerTest extends WorldTest {

    @Test
    void messagesOfOneThreadMakeOneConversationRoutedByLanguage() throws Exception {
        String thread = UUID.randomUUID().toString();
        ScoredMention first = RoutingScenario.scored(thread, thread, "fr", "facebook:nordlys.fr",
                "Bonjour, ma commande n'est pas arrivée", "billing_delivery", "negative", null, 0.6);
        ScoredMention second = RoutingScenario.scored(thread + "-2", thread, "fr", "facebook:nordlys.fr",
                "Toujours rien", "billing_delivery", "negative", null, 0.6);
        scenario.send(first);
        // A redelivery of the first message must not count it twice.
        scenario.send(first);
        scenario.send(second);
        List<ConsumerRecord<String, String>> out = scenario.kafka().awaitAll(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals("facebook:" + thread) && r.value().contains("\"nativeId\":\"" + thread + "-2\""), 1,
                Duration.ofSeconds(60));
        RoutingDecision last = json.readValue(out.get(0).value(), RoutingDecision.class);
        assertEquals("montpellier", last.centre());
        assertEquals("montpellier", last.homeCentre());
        assertEquals("queued", last.state());
        assertEquals(60, last.priority());
        assertTrue(last.reasons().contains("message 2 of the conversation"), last.reasons().toString());
        Conversation c = RoutingScenario.conversation("facebook:" + thread);
        assertEquals(2, c.messageCount);
        List<Object[]> transitions = RoutingScenario.rows(
                "select to_state, reason from conversation_transition where conversation_id = ?1 order by id",
                "facebook:" + thread);
        assertEquals(3, transitions.size(), "first message, queued, second message");
        String queued = (String) transitions.get(1)[1];
        assertTrue(queued.contains("actionable: complaint") && queued.contains("language fr is covered by montpellier (primary)")
                && queued.contains("first response due"), queued);
    }

    @Test
    void languageWithoutCentreFallsBackToTheCentresOfTheFallbackLanguage() throws Exception {
        String thread = UUID.randomUUID().toString();
        scenario.send(RoutingScenario.scored(thread, thread, "und", "facebook:nordlys.fr", "???", "other", "neutral", null,
                0.2));
        RoutingDecision d = json.readValue(scenario.kafka().await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                r -> r.key().equals("facebook:" + thread), Duration.ofSeconds(60)).value(), RoutingDecision.class);
        assertEquals("austin", d.centre());
        assertTrue(d.reasons().contains("language und is covered by no centre; falling back to en"), d.reasons().toString());

        // An English-speaking agent of Austin may take it: the language filter follows the fallback.
        String agent = "en-" + UUID.randomUUID();
        scenario.presence(agent, "austin", "online", 1, List.of(), List.of("en"));
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> agent.equals(RoutingScenario.conversation("facebook:" + thread).assignedAgent));
        } finally {
            scenario.presence(agent, "austin", "offline", 1, List.of(), List.of("en"));
        }
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopic() {
        String garbage = "[\"" + UUID.randomUUID() + "\"]";
        scenario.sendRaw(Topics.MENTIONS_SCORED, "k", garbage);
        ConsumerRecord<String, String> dead = scenario.kafka().await(
                TestTopics.topic(Topics.deadLetter(Topics.MENTIONS_SCORED)), r -> garbage.equals(r.value()),
                Duration.ofSeconds(60));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("not a ScoredMention event"), reason);
    }

    @Test
    void presenceWithAnUnknownStatusGoesToTheDeadLetterTopic() {
        String agent = "agent-" + UUID.randomUUID();
        String bad = "{\"version\":1,\"agentId\":\"" + agent + "\",\"centre\":\"austin\",\"status\":\"busy\",\"capacity\":3}";
        scenario.sendRaw(Topics.AGENT_PRESENCE, agent, bad);
        ConsumerRecord<String, String> dead = scenario.kafka().await(
                TestTopics.topic(Topics.deadLetter(Topics.AGENT_PRESENCE)), r -> bad.equals(r.value()),
                Duration.ofSeconds(60));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("status must be one of"), reason);
    }
}
