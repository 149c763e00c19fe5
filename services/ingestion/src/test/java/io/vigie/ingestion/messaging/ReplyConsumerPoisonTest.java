package io.vigie.ingestion.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Topics;
import io.vigie.ingestion.support.FakeNetworks;
import io.vigie.ingestion.support.TestDb;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.fuzz.PoisonRecords;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Mutated replies.outbound records each go to replies.outbound.dlq with a reason or enter the reply ledger; the
 * valid reply behind each on its partition enters the ledger, never stuck behind it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeNetworks.class, restrictToAnnotatedClass = false)
class ReplyConsumerPoisonTest {

    private static final Logger LOG = Logger.getLogger(ReplyConsumerPoisonTest.class);

    @Test
    void poisonRecordsAreDeadLetteredAndNeverBlockTheirPartition() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        PoisonRecords.Outcome o = PoisonRecords.check(TestTopics.topic(Topics.REPLIES_OUTBOUND),
                TestTopics.topic(Topics.REPLIES_OUTBOUND) + ".dlq",
                i -> {
                    String id = "poison-" + run + "-" + i + "z";
                    // rss cannot be answered: the reply ends failed at once, nothing is posted anywhere
                    return new PoisonRecords.Sample("rss:" + id, id, ReplyConsumerTest.reply(id, "rss", "item-" + id, "Merci " + id));
                },
                id -> TestDb.count("select count(*) from outbound_reply where position(? in reply_id || ' ' || text) > 0", id) > 0,
                Integer.getInteger("fuzz.records", 40), seed, Duration.ofSeconds(120));
        LOG.infof("seed %d: %s", seed, o);
        assertTrue(o.problems().isEmpty(), "seed " + seed + ": " + o);
    }
}
