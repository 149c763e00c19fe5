package io.vigie.scoring.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
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

/** mentions.raw to mentions.scored through the real broker and database, and the dead-letter path. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class MentionConsumerTest {

    @Inject
    ObjectMapper json;

    @Test
    void mentionIsScoredAndKeyedByConversation() throws Exception {
        String id = UUID.randomUUID().toString();
        Mention mention = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare", "root-" + id, "root-" + id,
                new Author("big", "@techpress", 2_000_000, true), "Is NordOS 12 out yet?", "en",
                Instant.parse("2026-11-22T10:00:00Z"), null, List.of(), Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), mention.conversationKey(), json.writeValueAsString(mention));
            ConsumerRecord<String, String> out = kafka.await(TestTopics.topic(Topics.MENTIONS_SCORED),
                    r -> r.value().contains(id), Duration.ofSeconds(30));
            assertEquals("x:root-" + id, out.key());
            ScoredMention scored = json.readValue(out.value(), ScoredMention.class);
            assertEquals(mention, scored.mention());
            assertEquals("en", scored.language());
            assertTrue(scored.influence() > 0.8, "a verified author with 2M followers is influential: " + scored.influence());
        }
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicWithItsReason() {
        String garbage = "{\"network\":\"x\",\"broken\":" + UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), "k", garbage);
            ConsumerRecord<String, String> dead = kafka.await(TestTopics.topic(Topics.deadLetter(Topics.MENTIONS_RAW)),
                    r -> garbage.equals(r.value()), Duration.ofSeconds(30));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("not a Mention event"), reason);
        }
    }
}
