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
            assertEquals("other", scored.topic());
            assertTrue(!scored.spam());
        }
    }

    @Test
    void aReplyWithoutATopicOfItsOwnTakesItsThreadsTopic() throws Exception {
        String run = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        Mention root = new Mention(Mention.VERSION, "x", run + "-root", null, null, null,
                new Author("a-" + run, "@alice", 40, false), "My laptop won't charge past 80% since the update", "en",
                at, null, List.of(), Instant.now());
        Mention sameHere = new Mention(Mention.VERSION, "x", run + "-reply", null, run + "-root", run + "-root",
                new Author("b-" + run, "@bob", 40, false), "Same here, exactly that", "en", at.plusSeconds(60), null,
                List.of(), Instant.now());
        // The same words in a thread the service never saw: nothing to inherit.
        Mention orphan = new Mention(Mention.VERSION, "x", run + "-orphan", null, run + "-unseen", run + "-unseen",
                new Author("c-" + run, "@carol", 40, false), "Same here, exactly that", "en", at.plusSeconds(60), null,
                List.of(), Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (Mention m : List.of(root, sameHere, orphan)) {
                kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), m.conversationKey(), json.writeValueAsString(m));
            }
            for (String[] expected : new String[][] {{"-root", "technical_support"}, {"-reply", "technical_support"},
                    {"-orphan", "other"}}) {
                ConsumerRecord<String, String> out = kafka.await(TestTopics.topic(Topics.MENTIONS_SCORED),
                        r -> r.value().contains("\"" + run + expected[0] + "\""), Duration.ofSeconds(30));
                assertEquals(expected[1], json.readValue(out.value(), ScoredMention.class).topic(), out.value());
            }
        }
    }

    @Test
    void textIsScoredAndRepeatedTextsAreMarkedAsSpam() throws Exception {
        String run = UUID.randomUUID().toString();
        String tag = run.chars().filter(Character::isLetterOrDigit).mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
                .collect(java.util.stream.Collectors.joining());
        String text = "Best deal: buy a Nordlys laptop today at half price, visit our page now #" + tag;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < 3; i++) {
                Mention m = new Mention(Mention.VERSION, "x", run + "-" + i, null, null, null,
                        new Author("bot-" + i, "@bot" + i, 3, false), text + " https://t.co/" + i, null,
                        Instant.now(), null, List.of(), Instant.now());
                kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), m.conversationKey(), json.writeValueAsString(m));
            }
            ConsumerRecord<String, String> third = kafka.await(TestTopics.topic(Topics.MENTIONS_SCORED),
                    r -> r.value().contains(run + "-2"), Duration.ofSeconds(30));
            ScoredMention scored = json.readValue(third.value(), ScoredMention.class);
            assertTrue(scored.spam(), third.value());
            assertTrue(scored.signals().contains("spam:repeated"), scored.signals().toString());
            assertEquals("en", scored.language());
            assertEquals("purchase", scored.topic());
        }
    }

    @Test
    void anAuthorWhoKeepsAnsweringOthersBecomesAnExpertCandidate() throws Exception {
        String run = UUID.randomUUID().toString();
        Author helper = new Author("helper-" + run, "@helper", 800, false);
        String[] answers = {
            "You can fix it: go to Settings and reinstall the driver, it worked for me",
            "Try holding the power button for 30 seconds, that resets the battery controller",
            "Make sure the firmware is up to date, you can check it in the update settings",
            "You need to unpair the headset first, then go to Bluetooth and pair it again",
            "Here's how to use the recovery mode: hold F11 while it boots, it works fine",
            "You should update the printer driver from the support page, that fixed it for me"};
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < answers.length; i++) {
                Mention m = new Mention(Mention.VERSION, "community", run + "-" + i, null, "thread-" + run,
                        "question-" + i, helper, answers[i], "en", Instant.now(), null, List.of(), Instant.now());
                kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), m.conversationKey(), json.writeValueAsString(m));
            }
            ConsumerRecord<String, String> fourth = kafka.await(TestTopics.topic(Topics.MENTIONS_SCORED),
                    r -> r.value().contains("\"nativeId\":\"" + run + "-3\""), Duration.ofSeconds(30));
            assertTrue(!json.readValue(fourth.value(), ScoredMention.class).expertCandidate(), "4 answers are not enough yet");
            ConsumerRecord<String, String> last = kafka.await(TestTopics.topic(Topics.MENTIONS_SCORED),
                    r -> r.value().contains("\"nativeId\":\"" + run + "-5\""), Duration.ofSeconds(30));
            assertTrue(json.readValue(last.value(), ScoredMention.class).expertCandidate(), last.value());
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
