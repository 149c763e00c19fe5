package io.vigie.routing.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** mentions.scored to conversations.routed through the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class ScoredMentionConsumerTest {

    @Inject
    ObjectMapper json;

    private static ScoredMention scored(String id, String threadId, String lang) {
        Mention m = new Mention(Mention.VERSION, "facebook", id, "facebook:nordlys.fr", threadId, threadId,
                new Author("u-" + threadId, "Jeanne", 50, false), "Bonjour, ma commande n'est pas arrivée", lang,
                Instant.parse("2026-11-22T10:00:00Z"), null, List.of(), Instant.now());
        return new ScoredMention(ScoredMention.VERSION, m, lang, new Sentiment(Sentiment.NEGATIVE, -0.4), "billing_delivery",
                null, "consumer", 0.6, 0.1, false, false, List.of(), Instant.now());
    }

    @Test
    void messagesOfOneThreadMakeOneConversationRoutedByLanguage() throws Exception {
        String thread = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ScoredMention first = scored(thread, thread, "fr");
            ScoredMention second = scored(thread + "-2", thread, "fr");
            String in = TestTopics.topic(Topics.MENTIONS_SCORED);
            kafka.send(in, first.mention().conversationKey(), json.writeValueAsString(first));
            kafka.send(in, second.mention().conversationKey(), json.writeValueAsString(second));
            // A redelivery of the first message must not count it twice.
            kafka.send(in, first.mention().conversationKey(), json.writeValueAsString(first));
            List<ConsumerRecord<String, String>> out = kafka.awaitAll(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                    r -> r.key().equals("facebook:" + thread), 3, Duration.ofSeconds(30));
            RoutingDecision last = json.readValue(out.get(2).value(), RoutingDecision.class);
            assertEquals("montpellier", last.centre());
            assertEquals("queued", last.state());
            assertEquals(60, last.priority());
            assertTrue(last.reasons().get(0).contains("language fr is covered by montpellier"), last.reasons().toString());
            RoutingDecision second1 = json.readValue(out.get(1).value(), RoutingDecision.class);
            assertEquals(second.mention().key(), second1.message().mention().key());
        }
    }

    @Test
    void languageWithoutCentreGoesToTheDefaultCentre() throws Exception {
        String thread = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            ScoredMention s = scored(thread, thread, "und");
            kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), s.mention().conversationKey(), json.writeValueAsString(s));
            RoutingDecision d = json.readValue(kafka.await(TestTopics.topic(Topics.CONVERSATIONS_ROUTED),
                    r -> r.key().equals("facebook:" + thread), Duration.ofSeconds(30)).value(), RoutingDecision.class);
            assertEquals("austin", d.centre());
        }
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopic() {
        String garbage = "[\"" + UUID.randomUUID() + "\"]";
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), "k", garbage);
            ConsumerRecord<String, String> dead = kafka.await(TestTopics.topic(Topics.deadLetter(Topics.MENTIONS_SCORED)),
                    r -> garbage.equals(r.value()), Duration.ofSeconds(30));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("not a ScoredMention event"), reason);
        }
    }
}
