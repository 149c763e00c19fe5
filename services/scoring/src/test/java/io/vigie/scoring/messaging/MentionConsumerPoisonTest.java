package io.vigie.scoring.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Author;
import io.vigie.events.Mention;
import io.vigie.events.Topics;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.TopicWatcher;
import io.vigie.testsupport.fuzz.PoisonRecords;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Mutated mentions.raw records (fields missing, null, wrongly typed, extra; not JSON) each go to mentions.raw.dlq
 * with a reason or are scored; the valid mention behind each on its partition is scored, never dead-lettered with it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
class MentionConsumerPoisonTest {

    private static final Logger LOG = Logger.getLogger(MentionConsumerPoisonTest.class);

    @Inject
    ObjectMapper json;

    @Test
    void poisonRecordsAreDeadLetteredAndNeverBlockTheirPartition() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        try (TopicWatcher scored = new TopicWatcher(TestTopics.topic(Topics.MENTIONS_SCORED))) {
            PoisonRecords.Outcome o = PoisonRecords.check(TestTopics.topic(Topics.MENTIONS_RAW), TestTopics.topic(Topics.MENTIONS_RAW) + ".dlq",
                    i -> {
                        String id = run + "-" + i + "z";
                        Mention m = new Mention(Mention.VERSION, "x", id, "x:@NordlysCare", run + "-t" + i, null,
                                new Author("a" + i, "@a" + i, 10, false), "Is NordOS 12 out yet? ref " + id, "en",
                                Instant.parse("2026-11-22T10:00:00Z"), "https://x.com/a/status/" + id, List.of("w1"), Instant.now());
                        try {
                            return new PoisonRecords.Sample(m.conversationKey(), m.nativeId(), json.writeValueAsString(m));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    id -> scored.anyValueContains(id),
                    Integer.getInteger("fuzz.records", 40), seed, Duration.ofSeconds(120));
            LOG.infof("seed %d: %s", seed, o);
            assertTrue(o.problems().isEmpty(), "seed " + seed + ": " + o);
        }
    }

    /**
     * A mention whose key is longer than the ledger's column used to fail the batch's transaction, and the whole batch
     * (76 good mentions in the run that found it) went to the dead-letter topic with it.
     */
    @Test
    void aKeyTooLongForTheLedgerIsDeadLetteredAloneNotWithItsBatch() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Mention tooLong = new Mention(Mention.VERSION, "x", run + "-" + "x".repeat(400), null, run + "-t", null,
                new Author("a", "@a", 10, false), "Is NordOS 12 out yet?", "en", Instant.now(), null, List.of(), Instant.now());
        try (TopicWatcher watcher = new TopicWatcher(TestTopics.topic(Topics.MENTIONS_SCORED), TestTopics.topic(Topics.MENTIONS_RAW) + ".dlq");
                io.vigie.testsupport.KafkaTestClient kafka = new io.vigie.testsupport.KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), "x:" + run + "-t", json.writeValueAsString(tooLong));
            for (int i = 0; i < 5; i++) {
                Mention good = new Mention(Mention.VERSION, "x", run + "-good-" + i + "z", null, run + "-t", null,
                        new Author("a", "@a", 10, false), "Is NordOS 12 out yet?", "en", Instant.now(), null, List.of(), Instant.now());
                kafka.send(TestTopics.topic(Topics.MENTIONS_RAW), "x:" + run + "-t", json.writeValueAsString(good));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> watcher.withKey("x:" + run + "-t").stream()
                    .filter(r -> r.topic().endsWith(Topics.MENTIONS_SCORED)).count() == 5);
            List<TopicWatcher.Seen> dead = watcher.withKey("x:" + run + "-t").stream().filter(r -> r.topic().endsWith(".dlq")).toList();
            org.junit.jupiter.api.Assertions.assertEquals(1, dead.size(), "only the mention with the long key is dead-lettered");
            assertTrue(dead.get(0).reason().contains("longer than 300"), dead.get(0).reason());
        }
    }
}
