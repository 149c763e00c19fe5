package io.vigie.ingestion.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.ingestion.support.FakeNetworks;
import io.vigie.ingestion.support.TestDb;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Outbound replies from replies.outbound to the fake networks and back as receipts, against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeNetworks.class, restrictToAnnotatedClass = false)
class ReplyConsumerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String reply(String replyId, String network, String inReplyTo, String text) {
        return """
                {"version":1,"replyId":"%s","conversationId":"conv-%s","network":"%s","space":"x:@NordlysCare",
                 "inReplyTo":"%s","text":"%s","language":"fr","agentId":"agent-montpellier","centre":"montpellier",
                 "createdAt":"2026-11-22T10:05:00Z"}""".formatted(replyId, replyId, network, inReplyTo, text);
    }

    static void send(KafkaTestClient kafka, String replyId, String json) {
        kafka.send(TestTopics.topic("replies.outbound"), "conv-" + replyId, json);
    }

    static JsonNode receipt(KafkaTestClient kafka, String replyId) throws Exception {
        ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("replies.receipts"), rec -> replyId.equals(rec.key()),
                Duration.ofSeconds(90));
        return JSON.readTree(r.value());
    }

    static long posted(String target) {
        return FakeNetworks.POSTED.stream().filter(p -> p.target().equals(target)).count();
    }

    @Test
    void aReplyIsPostedOnItsNetworkOnceAndReceipted() throws Exception {
        String id = UUID.randomUUID().toString();
        String tweet = "18" + Math.abs(id.hashCode());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, id, reply(id, "x", tweet, "Bonjour ! Pouvez-vous essayer la mise à jour 2.1 ? 🙂"));
            JsonNode receipt = receipt(kafka, id);
            assertEquals("delivered", receipt.get("status").asText());
            assertEquals(1, receipt.get("attempts").asInt());
            assertEquals("conv-" + id, receipt.get("conversationId").asText());
            FakeNetworks.Posted p = FakeNetworks.POSTED.stream().filter(x -> x.target().equals(tweet)).findFirst().orElseThrow();
            assertEquals(p.id(), receipt.get("networkId").asText());
            assertEquals("Bonjour ! Pouvez-vous essayer la mise à jour 2.1 ? 🙂", p.text());
            // A redelivered record is absorbed: its receipt is sent again, the network sees one post.
            send(kafka, id, reply(id, "x", tweet, "Bonjour ! Pouvez-vous essayer la mise à jour 2.1 ? 🙂"));
            kafka.awaitAll(TestTopics.topic("replies.receipts"), rec -> id.equals(rec.key()), 2, Duration.ofSeconds(30));
        }
        assertEquals(1, posted(tweet));
    }

    @Test
    void everyConnectorPostsOnTheSameThread() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, "fb-" + run, reply("fb-" + run, "facebook", "1029_" + run, "Merci, nous regardons."));
            send(kafka, "ig-" + run, reply("ig-" + run, "instagram", "1790" + run, "Obrigado!"));
            send(kafka, "dc-" + run, reply("dc-" + run, "community", "77" + Math.abs(run.hashCode() % 10000), "Voici la solution au problème."));
            send(kafka, "li-" + run, reply("li-" + run, "linkedin", "urn:li:comment:(urn:li:activity:7" + run + ",68)", "Thanks!"));
            send(kafka, "rss-" + run, reply("rss-" + run, "rss", "https://blog.example/p/1", "n/a"));
            send(kafka, "dm-" + run, reply("dm-" + run, "facebook", "m_" + run, "private"));
            for (String r : new String[] { "fb-", "ig-", "dc-", "li-" }) {
                JsonNode receipt = receipt(kafka, r + run);
                assertEquals("delivered", receipt.get("status").asText(), receipt.toString());
            }
            JsonNode rss = receipt(kafka, "rss-" + run);
            assertEquals("failed", rss.get("status").asText());
            assertEquals("network 'rss' does not accept replies", rss.get("reason").asText());
            assertTrue(receipt(kafka, "dm-" + run).get("reason").asText().contains("private"));
        }
        assertEquals(1, posted("1029_" + run));
        assertEquals(1, posted("1790" + run));
        assertEquals(1, posted("urn:li:comment:(urn:li:activity:7" + run + ",68)"));
        assertTrue(FakeNetworks.POSTED.stream().anyMatch(p -> p.network().equals("community") && p.target().equals("4242#3")
                && p.text().equals("Voici la solution au problème.")));
    }

    @Test
    void transientFailuresAreRetriedWithBackoffAndPermanentOnesReported() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, "flaky-" + run, reply("flaky-" + run, "x", "flaky-" + run, "third time lucky"));
            send(kafka, "limited-" + run, reply("limited-" + run, "x", "limited-" + run, "after the rate-limit window"));
            send(kafka, "bad-" + run, reply("bad-" + run, "x", "bad-" + run, "never"));
            send(kafka, "down-" + run, reply("down-" + run, "x", "down-" + run, "never either"));
            JsonNode flaky = receipt(kafka, "flaky-" + run);
            assertEquals("delivered", flaky.get("status").asText(), flaky.toString());
            assertEquals(3, flaky.get("attempts").asInt());
            JsonNode limited = receipt(kafka, "limited-" + run);
            assertEquals("delivered", limited.get("status").asText(), limited.toString());
            assertEquals(2, limited.get("attempts").asInt());
            JsonNode bad = receipt(kafka, "bad-" + run);
            assertEquals("failed", bad.get("status").asText());
            assertEquals(1, bad.get("attempts").asInt());
            assertTrue(bad.get("reason").asText().startsWith("x answered 400"), bad.toString());
            JsonNode down = receipt(kafka, "down-" + run);
            assertEquals("failed", down.get("status").asText());
            assertTrue(down.get("reason").asText().startsWith("gave up after 4 attempts: x answered 503"), down.toString());
        }
        assertEquals(3, FakeNetworks.attempts("flaky-" + run));
        assertEquals(4, FakeNetworks.attempts("down-" + run));
        assertEquals(1, posted("flaky-" + run));
    }

    @Test
    void theLedgerSurvivesARestart() throws Exception {
        // What a previous process left in the database: one reply delivered, one cut while posting.
        String delivered = "prev-" + UUID.randomUUID();
        String cut = "cut-" + UUID.randomUUID();
        try (Connection c = TestDb.connect(); PreparedStatement st = c.prepareStatement("""
                insert into outbound_reply (reply_id, conversation_id, network, in_reply_to, text, status, attempts,
                  network_id, next_attempt_at, received_at, updated_at, receipt_published_at)
                values (?, 'conv', 'x', ?, 'hello', ?, 1, ?, now(), now() - interval '1 hour', now() - interval '1 hour', ?)""")) {
            st.setString(1, delivered);
            st.setString(2, delivered);
            st.setString(3, "delivered");
            st.setString(4, "1861999");
            st.setObject(5, java.time.OffsetDateTime.now());
            st.executeUpdate();
            st.setString(1, cut);
            st.setString(2, cut);
            st.setString(3, "posting");
            st.setString(4, null);
            st.setObject(5, null);
            st.executeUpdate();
        }
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            send(kafka, delivered, reply(delivered, "x", delivered, "hello"));
            JsonNode again = receipt(kafka, delivered);
            assertEquals("delivered", again.get("status").asText());
            assertEquals("1861999", again.get("networkId").asText());
            JsonNode unknown = receipt(kafka, cut);
            assertEquals("failed", unknown.get("status").asText());
            assertTrue(unknown.get("reason").asText().startsWith("outcome unknown"), unknown.toString());
            send(kafka, cut, reply(cut, "x", cut, "hello"));
            kafka.awaitAll(TestTopics.topic("replies.receipts"), rec -> cut.equals(rec.key()), 2, Duration.ofSeconds(30));
        }
        assertEquals(0, FakeNetworks.attempts(delivered));
        assertEquals(0, FakeNetworks.attempts(cut));
    }

    @Test
    void anUnreadableReplyIsDeadLettered() {
        String id = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic("replies.outbound"), id, "{\"replyId\":\"" + id + "\",\"network\":\"x\"}");
            ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("replies.outbound.dlq"), rec -> id.equals(rec.key()),
                    Duration.ofSeconds(30));
            String reason = new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("Reply without inReplyTo"), reason);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> TestDb.count("select count(*) from outbound_reply where reply_id = ?", id) == 0);
    }
}
