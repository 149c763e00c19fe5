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
}
