package io.vigie.ingestion.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vigie.ingestion.support.FakeNetworks;
import io.vigie.ingestion.support.TestDb;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The polled connectors against the fake networks: RSS/Atom with conditional GET, LinkedIn post comments. */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeNetworks.class, restrictToAnnotatedClass = false)
class FeedPollerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String rss(String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Nordlys blog</title><link>https://blog.nordlys.example</link>
                <description>News</description><language>fr</language>%s</channel></rss>""".formatted(String.join("", items));
    }

    static String item(String guid, String title, String description, String date) {
        return "<item><title>" + title + "</title><link>https://blog.nordlys.example/p/" + guid + "</link><guid isPermaLink=\"false\">"
                + guid + "</guid><description><![CDATA[" + description + "]]></description>"
                + (date == null ? "" : "<pubDate>" + date + "</pubDate>") + "<author>press@nordlys.example (Press)</author></item>";
    }

    static JsonNode mention(KafkaTestClient kafka, String needle) throws Exception {
        ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("mentions.raw"), rec -> rec.value().contains(needle),
                Duration.ofSeconds(30));
        return JSON.readTree(r.value());
    }

    @Test
    void feedsArePolledWithConditionalGetsAndNewEntriesIngested() throws Exception {
        String a = "guid-" + UUID.randomUUID();
        String b = "guid-" + UUID.randomUUID();
        FakeNetworks.FEEDS.put("/feeds/blog.rss", new String[] { "v1", "Sat, 22 Nov 2026 08:00:00 GMT",
                rss(item(a, "Mise à jour 2.1 : écran noir corrigé ✅", "<p>Le correctif est disponible.</p>",
                        "Sat, 22 Nov 2026 07:30:00 GMT")) });
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            JsonNode m = mention(kafka, a);
            assertEquals("rss", m.get("network").asText());
            assertEquals("Mise à jour 2.1 : écran noir corrigé ✅\nLe correctif est disponible.", m.get("text").asText());
            assertEquals("2026-11-22T07:30:00Z", m.get("createdAt").asText());
            assertEquals("fr", m.get("langHint").asText());
            assertEquals("https://blog.nordlys.example/p/" + a, m.get("url").asText());
            assertTrue(m.get("space").asText().startsWith("rss:http://127.0.0.1:"));

            await().atMost(Duration.ofSeconds(20)).until(() -> FakeNetworks.FEED_304
                    .getOrDefault("/feeds/blog.rss", new AtomicInteger()).get() >= 2);
            int full = FakeNetworks.FEED_200.get("/feeds/blog.rss").get();

            FakeNetworks.FEEDS.put("/feeds/blog.rss", new String[] { "v2", "Sat, 22 Nov 2026 09:00:00 GMT",
                    rss(item(b, "Nouveau pilote", "Sans date de publication", null),
                            item(a, "Mise à jour 2.1 : écran noir corrigé ✅", "<p>Le correctif est disponible.</p>",
                                    "Sat, 22 Nov 2026 07:30:00 GMT")) });
            mention(kafka, b);
            assertEquals(full + 1, FakeNetworks.FEED_200.get("/feeds/blog.rss").get());
        }
        assertEquals(1, TestDb.count("select count(*) from mention where key = ?", "rss:" + a));
    }

    @Test
    void atomFeedsAreReadAndABrokenFeedIsDeadLettered() throws Exception {
        String id = "urn:uuid:" + UUID.randomUUID();
        String marker = UUID.randomUUID().toString();
        FakeNetworks.FEEDS.put("/feeds/news.atom", new String[] { "a1", "Sat, 22 Nov 2026 08:00:00 GMT", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Tech news</title><id>urn:uuid:feed</id>
                <updated>2026-11-22T08:00:00Z</updated>
                <entry><title>Nordlys Shield update bricks laptops</title><id>%s</id>
                <link href="https://news.example/nordlys-shield"/><updated>2026-11-22T07:55:00Z</updated>
                <summary>Users report black screens after the antivirus update.</summary><author><name>Kim</name></author></entry>
                </feed>""".formatted(id) });
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            JsonNode m = mention(kafka, id);
            assertEquals("Kim", m.get("author").get("handle").asText());
            assertEquals("2026-11-22T07:55:00Z", m.get("createdAt").asText());
            FakeNetworks.FEEDS.put("/feeds/news.atom", new String[] { "a2", "Sat, 22 Nov 2026 09:00:00 GMT",
                    "<html><body>502 Bad Gateway " + marker + "</body></html>" });
            ConsumerRecord<String, String> r = kafka.await(TestTopics.topic("ingestion.rejected"),
                    rec -> rec.value().contains(marker), Duration.ofSeconds(30));
            assertTrue(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                    .startsWith("not an RSS or Atom feed"));
        }
    }

    @Test
    void linkedinCommentsArePolled() throws Exception {
        String c = UUID.randomUUID().toString().substring(0, 8);
        FakeNetworks.LINKEDIN_COMMENTS.put("urn:li:share:7001", new JsonArray()
                .add(new JsonObject().put("actor", "urn:li:person:x" + c).put("commentUrn", "urn:li:comment:(urn:li:activity:7001," + c + ")")
                        .put("id", c).put("message", new JsonObject().put("text", "Is the fix out for business laptops?"))
                        .put("created", new JsonObject().put("time", 1795341600000L).put("actor", "urn:li:person:x" + c))
                        .put("object", "urn:li:activity:7001"))
                .add(new JsonObject().put("actor", "urn:li:organization:2414183").put("commentUrn", "urn:li:comment:(urn:li:activity:7001,9" + c + ")")
                        .put("message", new JsonObject().put("text", "our own answer")).put("object", "urn:li:activity:7001")));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            JsonNode m = mention(kafka, "urn:li:comment:(urn:li:activity:7001," + c + ")");
            assertEquals("linkedin", m.get("network").asText());
            assertEquals("urn:li:activity:7001", m.get("threadId").asText());
            assertEquals("2026-11-22T10:00:00Z", m.get("createdAt").asText());
        }
        assertEquals(0, TestDb.count("select count(*) from mention where key = ?", "linkedin:urn:li:comment:(urn:li:activity:7001,9" + c + ")"));
    }
}
