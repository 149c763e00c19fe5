package io.vigie.centres.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.events.Alert;
import io.vigie.events.Author;
import io.vigie.events.ConversationClosed;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Mention;
import io.vigie.events.Reply;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.centres.domain.Figures;
import io.vigie.centres.repository.MetricsWriter;
import io.vigie.centres.service.ReportService;
import io.vigie.testsupport.Infra;
import io.vigie.testsupport.InfraTestResource;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import io.vigie.testsupport.Tokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A known replay (20 November 2026, 08:00-10:00 UTC, a window no other test writes to) through the real broker
 * gives known figures in the reports; redelivered records are counted once; bad records go to the DLQ.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportResourceTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    @Inject
    ObjectMapper json;

    private final List<ScoredMention> mentions = new ArrayList<>();

    private ScoredMention scored(int i, String network, int minute, String label, double score, String productLine, String text) {
        Mention m = new Mention(Mention.VERSION, network, RUN + "-" + i, network + ":brand", null, null,
                new Author("u" + i, "@u" + i, 10, false), text, "pt", T0.plus(Duration.ofMinutes(minute)), null, List.of(),
                T0.plus(Duration.ofMinutes(minute)));
        return new ScoredMention(ScoredMention.VERSION, m, "pt", new Sentiment(label, score), "technical_support",
                productLine, "consumer", 0.5, 0.1, false, false, List.of(), T0.plus(Duration.ofMinutes(minute)));
    }

    private RoutingDecision routed(ScoredMention s, String centre, String state) {
        Instant at = s.mention().createdAt();
        return new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(), state, centre, "general", 50,
                true, List.of("test"), at.plus(Duration.ofMinutes(45)), s, at.plusSeconds(1));
    }

    private Reply reply(ScoredMention s, String id, int afterMinutes) {
        return new Reply(Reply.VERSION, RUN + "-" + id, s.mention().conversationKey(), s.mention().network(), "brand",
                s.mention().nativeId(), "Olá!", "pt", "agent-sao-paulo", "sao-paulo",
                s.mention().createdAt().plus(Duration.ofMinutes(afterMinutes)));
    }

    private boolean replayed;

    static {
        // Figures are doubles; compare them as doubles, not as the floats RestAssured picks by default.
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @BeforeEach
    void replayOnce() throws Exception {
        if (!replayed) {
            replay();
            replayed = true;
        }
    }

    private void replay() throws Exception {
        String n = Sentiment.NEGATIVE;
        String p = Sentiment.POSITIVE;
        String z = Sentiment.NEUTRAL;
        // First half hour: "battery" three times. Second half hour: "battery" three times, "antivirus" four times.
        mentions.add(scored(1, "x", 5, n, -0.5, "laptops", "Battery drains overnight"));
        mentions.add(scored(2, "x", 10, n, -0.5, "laptops", "battery swollen after a year"));
        mentions.add(scored(3, "x", 15, p, 0.9, "forge", "Battery life is great on the Forge"));
        mentions.add(scored(4, "facebook", 20, p, 0.5, null, "Loving the new keyboard"));
        mentions.add(scored(5, "facebook", 25, z, 0.1, null, "Which charger do I need?"));
        mentions.add(scored(6, "x", 35, n, -0.5, "laptops", "Antivirus update broke my battery indicator"));
        mentions.add(scored(7, "x", 40, n, -0.5, "laptops", "the antivirus update crashes everything, battery too"));
        mentions.add(scored(8, "x", 45, z, 0.0, null, "antivirus update again? battery fine though"));
        mentions.add(scored(9, "facebook", 50, p, 0.5, "forge", "Antivirus fixed, thanks team"));
        mentions.add(scored(10, "facebook", 55, n, -0.3, null, "Still waiting for my order"));
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            String scoredTopic = TestTopics.topic(Topics.MENTIONS_SCORED);
            for (ScoredMention s : mentions) {
                kafka.send(scoredTopic, s.mention().conversationKey(), json.writeValueAsString(s));
            }
            // A redelivery is counted once.
            kafka.send(scoredTopic, mentions.get(0).mention().conversationKey(), json.writeValueAsString(mentions.get(0)));

            String routedTopic = TestTopics.topic(Topics.CONVERSATIONS_ROUTED);
            for (int i = 0; i < 4; i++) {
                ScoredMention s = mentions.get(i + 5);
                kafka.send(routedTopic, s.mention().conversationKey(), json.writeValueAsString(routed(s, "sao-paulo", "queued")));
            }
            kafka.send(routedTopic, mentions.get(5).mention().conversationKey(),
                    json.writeValueAsString(routed(mentions.get(5), "sao-paulo", "queued")));
            String repliesTopic = TestTopics.topic(Topics.REPLIES_OUTBOUND);
            // First responses after 10, 20 and 60 minutes (SLA 45 minutes); the fourth conversation waits.
            List<Reply> replies = List.of(reply(mentions.get(5), "r1", 10), reply(mentions.get(5), "r1b", 30),
                    reply(mentions.get(6), "r2", 20), reply(mentions.get(7), "r3", 60));
            for (Reply r : replies) {
                kafka.send(repliesTopic, r.conversationId(), json.writeValueAsString(r));
            }
            kafka.send(repliesTopic, replies.get(0).conversationId(), json.writeValueAsString(replies.get(0)));
            for (int i = 5; i <= 7; i++) {
                ScoredMention s = mentions.get(i);
                kafka.send(routedTopic, s.mention().conversationKey(), json.writeValueAsString(
                        new RoutingDecision(RoutingDecision.VERSION, s.mention().conversationKey(), "assigned", "sao-paulo",
                                "general", 50, true, List.of(), null, null, s.mention().createdAt().plusSeconds(120))));
            }
            String receipts = TestTopics.topic(Topics.DELIVERY_RECEIPTS);
            kafka.send(receipts, RUN + "-r1", json.writeValueAsString(new DeliveryReceipt(DeliveryReceipt.VERSION, RUN + "-r1",
                    replies.get(0).conversationId(), DeliveryReceipt.DELIVERED, "n1", null, 1, T0.plus(Duration.ofMinutes(46)))));
            kafka.send(receipts, RUN + "-r2", json.writeValueAsString(new DeliveryReceipt(DeliveryReceipt.VERSION, RUN + "-r2",
                    replies.get(2).conversationId(), DeliveryReceipt.FAILED, null, "rate limited", 3, T0.plus(Duration.ofMinutes(61)))));
            String alerts = TestTopics.topic(Topics.ALERTS);
            Alert open = new Alert(Alert.VERSION, RUN + "-inc", "open", "term", "antivirus", "sao-paulo", "pt", "x",
                    T0.plus(Duration.ofMinutes(35)), 4, 0.5, "high", List.of("antivirus", "update"),
                    List.of(mentions.get(5).mention().key(), mentions.get(6).mention().key()), T0.plus(Duration.ofMinutes(41)),
                    T0.plus(Duration.ofMinutes(41)), 300, 12, List.of("term:update"), Alert.NEW, 1);
            kafka.send(alerts, open.incidentId(), json.writeValueAsString(open));
            Alert resolved = new Alert(Alert.VERSION, RUN + "-old", "resolved", "topic", "billing", "sao-paulo", "pt", "x",
                    T0, 3, 1, "low", List.of(), List.of(), T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(30)), 900, 3,
                    List.of(), Alert.NEW, 3);
            kafka.send(alerts, resolved.incidentId(), json.writeValueAsString(resolved));
            // Two conversations closed after 60 and 30 minutes: sentiment +1.2 (restated publicly) and -0.2.
            String closedTopic = TestTopics.topic(Topics.CONVERSATIONS_CLOSED);
            for (int i = 5; i <= 6; i++) {
                ScoredMention s = mentions.get(i);
                boolean first = i == 5;
                ConversationClosed c = new ConversationClosed(ConversationClosed.VERSION, s.mention().conversationKey(),
                        "sao-paulo", s.mention().network(), "brand", "pt", "technical_support", "agent-sao-paulo",
                        new Sentiment(Sentiment.NEGATIVE, -0.5), new Sentiment(first ? Sentiment.POSITIVE : Sentiment.NEGATIVE,
                                first ? 0.7 : -0.7), first ? 1.2 : -0.2, first, 2, 1, s.mention().createdAt(),
                        s.mention().createdAt().plus(Duration.ofMinutes(first ? 60 : 30)));
                kafka.send(closedTopic, c.conversationId(), json.writeValueAsString(c));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("vigie-admin"))
                .queryParam("scope", "sao-paulo").queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T10:00:00Z")
                .get("/api/reports").then().statusCode(200)
                .body("figures.mentions", equalTo(4)).body("figures.responded", equalTo(3))
                .body("figures.repliesDelivered", equalTo(1)).body("figures.repliesFailed", equalTo(1))
                .body("figures.backlog", equalTo(1)).body("figures.activeIncidents", equalTo(1))
                .body("figures.closed", equalTo(2)));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("vigie-admin"))
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T09:00:00Z")
                .get("/api/reports").then().statusCode(200).body("figures.mentions", equalTo(10)));
    }

    @Test
    void everythingHeardHasKnownVolumeTemperatureAndShareOfVoice() {
        given().auth().oauth2(Tokens.forUser("vigie-admin"))
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T09:00:00Z")
                .get("/api/reports").then().statusCode(200)
                .body("figures.scope", equalTo("*"))
                .body("figures.mentions", equalTo(10))
                .body("figures.positive", equalTo(3))
                .body("figures.negative", equalTo(5))
                .body("figures.temperature", closeTo(-0.2, 1e-9))
                .body("figures.meanScore", closeTo(-0.03, 1e-4))
                .body("figures.byNetwork.key", contains("x", "facebook"))
                .body("figures.byNetwork.temperature", contains(closeTo(-0.5, 1e-9), closeTo(0.25, 1e-9)))
                .body("figures.byCentre.key", contains("sao-paulo"))
                .body("figures.shareOfVoice.productLine", contains("laptops", "forge"))
                .body("figures.shareOfVoice.share", contains(closeTo(0.6667, 1e-9), closeTo(0.3333, 1e-9)))
                .body("series.size()", equalTo(10))
                .body("granularity", equalTo("minute"));
    }

    @Test
    void risingTermsCompareWithThePreviousPeriod() {
        given().auth().oauth2(Tokens.forUser("vigie-admin"))
                .queryParam("from", "2026-11-20T08:30:00Z").queryParam("to", "2026-11-20T09:00:00Z")
                .get("/api/reports").then().statusCode(200)
                .body("figures.risingTerms[0].term", equalTo("antivirus"))
                .body("figures.risingTerms[0].mentions", equalTo(4))
                .body("figures.risingTerms[0].previous", equalTo(0))
                .body("figures.risingTerms[0].ratio", closeTo(5.0, 1e-9))
                .body("figures.risingTerms.find { it.term == 'battery' }.ratio", closeTo(1.0, 1e-9));
    }

    @Test
    void aCentresResponseTimesSlaAndBacklog() {
        given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo"))
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T10:00:00Z")
                .get("/api/reports").then().statusCode(200)
                .body("figures.scope", equalTo("sao-paulo"))
                .body("figures.mentions", equalTo(4))
                .body("figures.temperature", closeTo(-0.25, 1e-9))
                // Nearest-rank percentiles within 2 % (ADR 0110): responses after 600, 1,200 and 3,600 s.
                .body("figures.firstResponseP50", closeTo(1200.0, 1200 * 0.02))
                .body("figures.firstResponseP90", closeTo(3600.0, 3600 * 0.02))
                .body("figures.slaAttainment", closeTo(0.6667, 1e-9))
                .body("figures.backlog", equalTo(1))
                .body("figures.repliesDelivered", equalTo(1))
                .body("figures.repliesFailed", equalTo(1))
                .body("figures.activeIncidents", equalTo(1))
                .body("figures.closed", equalTo(2))
                // Closed after 1,800 and 3,600 s.
                .body("figures.resolutionP50", closeTo(1800.0, 1800 * 0.02))
                .body("figures.resolutionP90", closeTo(3600.0, 3600 * 0.02))
                .body("figures.sentimentDelta", closeTo(0.5, 1e-9))
                .body("figures.restatedShare", closeTo(0.5, 1e-9));
    }

    @Test
    void spacesMapShowsVolumeUnansweredShareAndNeglect() {
        given().auth().oauth2(Tokens.forUser("vigie-admin"))
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T10:00:00Z")
                .get("/api/reports/spaces").then().statusCode(200)
                .body("find { it.space == 'x:brand' }.mentions", equalTo(6))
                .body("find { it.space == 'x:brand' }.temperature", closeTo(-0.5, 1e-9))
                .body("find { it.space == 'x:brand' }.conversations", equalTo(3))
                .body("find { it.space == 'x:brand' }.unansweredShare", closeTo(0.0, 1e-9))
                .body("find { it.space == 'x:brand' }.firstResponseP50", closeTo(1200.0, 1200 * 0.02))
                .body("find { it.space == 'x:brand' }.neglected", equalTo(true))
                .body("find { it.space == 'facebook:brand' }.mentions", equalTo(4))
                .body("find { it.space == 'facebook:brand' }.unansweredShare", closeTo(1.0, 1e-9));
        // A supervisor sees the spaces their centre owns only; none of the replay's spaces is owned.
        given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo"))
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T10:00:00Z")
                .get("/api/reports/spaces").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void recurringQuestionsAreClusteredWithTheirTrend() throws Exception {
        Instant day = Instant.parse("2026-11-19T08:10:00Z");
        List<String[]> posts = List.of(
                new String[] {"0", "How do I update the antivirus on my Forge?"},
                new String[] {"60", "How do I update the antivirus on my Forge?"},
                new String[] {"65", "how to update antivirus on forge??"},
                new String[] {"70", "Antivirus update for Forge, how?"},
                new String[] {"75", "Antivirus update for Forge is out"},
                new String[] {"80", "Where is my order?"});
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            int i = 0;
            for (String[] post : posts) {
                Instant at = day.plus(Duration.ofMinutes(Long.parseLong(post[0])));
                Mention m = new Mention(Mention.VERSION, "community", RUN + "-q" + i++, "community:board-gaming", null, null,
                        new Author("q" + i, "q" + i, 1, false), post[1], "en", at, null, List.of(), at);
                ScoredMention s = new ScoredMention(ScoredMention.VERSION, m, "en", new Sentiment(Sentiment.NEUTRAL, 0),
                        "configuration", "forge", "consumer", 0.2, 0.1, false, false, List.of(), at);
                kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), m.conversationKey(), json.writeValueAsString(s));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.forUser("supervisor-montpellier"))
                .queryParam("from", "2026-11-19T09:00:00Z").queryParam("to", "2026-11-19T10:00:00Z")
                .get("/api/reports/questions").then().statusCode(200)
                .body("exact", equalTo(true))
                .body("clusters.size()", equalTo(2))
                .body("clusters[0].signature", equalTo("antivirus forge update"))
                .body("clusters[0].productLine", equalTo("forge"))
                .body("clusters[0].topic", equalTo("configuration"))
                .body("clusters[0].mentions", equalTo(3))
                .body("clusters[0].previous", equalTo(1))
                .body("clusters[0].example", containsString("?"))
                .body("clusters[1].signature", equalTo("order where"))
                .body("clusters[1].mentions", equalTo(1)));
        given().auth().oauth2(Tokens.forUser("agent-montpellier")).get("/api/reports/questions").then().statusCode(403);
    }

    @Test
    void csvExportHasOneLinePerBucketAndDimension() {
        String csv = given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo")).accept("text/csv")
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T10:00:00Z")
                .get("/api/reports/csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("vigie-sao-paulo.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("bucket,granularity,scope,network,language,topic,mentions"), lines.get(0));
        assertTrue(lines.contains("2026-11-20T08:35:00Z,minute,sao-paulo,x,pt,technical_support,1,0,1,-1.0,-0.5"), csv);
        assertTrue(lines.size() == 5, csv);
    }

    @Test
    void csvExportStreamsManyRowsInOrderThroughACursorInChunks() throws Exception {
        // Three days of hour buckets (a window no other test writes to), two product lines per line to be summed:
        // 1,152 stored rows, 576 CSV lines, read 7 rows per cursor fetch (%test fetch size).
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(3));
        StringBuilder expected = new StringBuilder(ReportService.CSV_HEADER);
        Infra infra = Infra.get();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("centres_test"), infra.value("VIGIE_DB_USER"),
                infra.value("VIGIE_DB_PASSWORD"));
                PreparedStatement st = c.prepareStatement("insert into volume_bucket (granularity, bucket, centre, network, "
                        + "language, topic, product_line, mentions, positive, negative, score_sum) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
                for (String network : List.of("facebook", "x")) {
                    for (String language : List.of("en", "fr")) {
                        for (String topic : List.of("billing", "praise")) {
                            long m = 0;
                            long p = 0;
                            long n = 0;
                            double sum = 0;
                            for (String line : List.of("forge", "laptops")) {
                                i++;
                                long mi = 1 + i % 17;
                                long pi = i % 3 == 0 ? mi : i % 5 == 0 ? mi / 2 : 0;
                                long ni = i % 7 == 0 ? mi - pi : 0;
                                double si = (i % 11 - 5) / 10.0 * mi;
                                m += mi;
                                p += pi;
                                n += ni;
                                sum += si;
                                insert(st, "hour", h, "montpellier", network, language, topic, line, mi, pi, ni, si);
                            }
                            expected.append(h).append(",hour,montpellier,").append(network).append(',').append(language)
                                    .append(',').append(topic).append(',').append(m).append(',').append(p).append(',')
                                    .append(n).append(',').append(Figures.temperature(m, p, n)).append(',')
                                    .append(Figures.round(sum / m)).append('\n');
                        }
                    }
                }
            }
            // Outside the export: the bucket at the end of the period, another scope, the minute buckets.
            insert(st, "hour", to, "montpellier", "x", "en", "billing", "", 5, 1, 1, 0);
            insert(st, "hour", from, MetricsWriter.ALL, "x", "en", "billing", "", 5, 1, 1, 0);
            insert(st, "minute", from, "montpellier", "x", "en", "billing", "", 5, 1, 1, 0);
            st.executeBatch();
        }
        // More exports than the pool has connections: a cursor that kept its connection would block the later ones.
        for (int k = 0; k < 25; k++) {
            var res = given().auth().oauth2(Tokens.forUser("vigie-admin")).accept("text/csv")
                    .queryParam("scope", "montpellier").queryParam("from", from.toString()).queryParam("to", to.toString())
                    .get("/api/reports/csv").then().statusCode(200).contentType(startsWith("text/csv"))
                    .header("Content-Disposition", containsString("vigie-montpellier.csv"))
                    .header("Transfer-Encoding", equalTo("chunked"))
                    .header("Content-Length", nullValue())
                    .extract();
            if (k == 0) {
                assertEquals(expected.toString(), res.asString());
                assertEquals(577, res.asString().lines().count());
            }
        }
        // Same OIDC rules as the JSON report: another centre's supervisor is refused before a byte is streamed.
        given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo")).accept("text/csv").queryParam("scope", "montpellier")
                .get("/api/reports/csv").then().statusCode(403).contentType("application/problem+json");
        given().accept("text/csv").get("/api/reports/csv").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("vigie-admin")).accept("text/csv").queryParam("from", "yesterday")
                .get("/api/reports/csv").then().statusCode(400).contentType("application/problem+json");
    }

    private static void insert(PreparedStatement st, String granularity, Instant bucket, String centre, String network,
            String language, String topic, String productLine, long m, long p, long n, double s) throws Exception {
        st.setString(1, granularity);
        st.setObject(2, bucket.atOffset(ZoneOffset.UTC));
        st.setString(3, centre);
        st.setString(4, network);
        st.setString(5, language);
        st.setString(6, topic);
        st.setString(7, productLine);
        st.setLong(8, m);
        st.setLong(9, p);
        st.setLong(10, n);
        st.setDouble(11, s);
        st.addBatch();
    }

    @Test
    void reportsAreForSupervisorsOfTheCentreAndAdmins() {
        given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo")).queryParam("scope", "montpellier")
                .get("/api/reports").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser("supervisor-sao-paulo")).queryParam("scope", "*")
                .get("/api/reports").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser("agent-sao-paulo")).get("/api/reports").then().statusCode(403);
        given().get("/api/reports").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser("vigie-admin")).queryParam("from", "yesterday")
                .get("/api/reports").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ISO-8601"));
        given().auth().oauth2(Tokens.forUser("vigie-admin")).queryParam("from", "2026-11-20T10:00:00Z")
                .queryParam("to", "2026-11-20T09:00:00Z").get("/api/reports").then().statusCode(400);
        // An instant at the end of Instant's range overflowed the rounding to whole hours (a 500, found by fuzzing).
        given().auth().oauth2(Tokens.forUser("vigie-admin")).queryParam("to", "+999999999-12-31T23:59:59Z")
                .get("/api/reports/questions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("outside"));
    }

    @Test
    void unreadableAndTooNewRecordsGoToTheDeadLetterTopicWithTheirReason() throws Exception {
        String garbage = "{\"garbage\": \"" + RUN + "\"}";
        String future = json.writeValueAsString(mentions.get(0)).replaceFirst("\"version\":1", "\"version\":99")
                .replace(RUN + "-1", RUN + "-future");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), "k", garbage);
            kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), "k", future);
            String dlq = TestTopics.topic(Topics.deadLetter(Topics.MENTIONS_SCORED));
            ConsumerRecord<String, String> dead = kafka.await(dlq, r -> garbage.equals(r.value()), Duration.ofSeconds(60));
            assertTrue(reason(dead).contains("required field missing: mention"), reason(dead));
            ConsumerRecord<String, String> newer = kafka.await(dlq, r -> future.equals(r.value()), Duration.ofSeconds(60));
            assertTrue(reason(newer).contains("version 99 is newer"), reason(newer));
        }
        given().auth().oauth2(Tokens.forUser("vigie-admin"))
                .queryParam("from", "2026-11-20T08:00:00Z").queryParam("to", "2026-11-20T09:00:00Z")
                .get("/api/reports").then().statusCode(200).body("figures.mentions", equalTo(10))
                .body("figures.byTopic.key", hasItem("technical_support"));
    }

    private static String reason(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
