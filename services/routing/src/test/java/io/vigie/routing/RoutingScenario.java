package io.vigie.routing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigie.events.AgentPresence;
import io.vigie.events.Author;
import io.vigie.events.CentreConfig;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.events.Topics;
import io.vigie.routing.domain.Conversation;
import io.vigie.routing.service.CentreDirectory;
import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds and sends the records of routing scenarios, and reads routing's database, for the tests. */
public final class RoutingScenario implements AutoCloseable {

    /** Hours of a centre open every day from 08:00 to 20:00. */
    public static final List<String> DAY = List.of("08:00-20:00");
    /** Hours of a centre that never closes. */
    public static final List<String> ALWAYS = List.of("00:00-24:00");
    /** A space owned by montpellier in the test world: EU-only. */
    public static final String EU_SPACE = "facebook:nordlys.fr-eu";

    private final ObjectMapper json;
    private final KafkaTestClient kafka = new KafkaTestClient();

    public RoutingScenario(ObjectMapper json) {
        this.json = json;
    }

    /** The same hours every day of the week. */
    public static Map<String, List<String>> everyDay(List<String> ranges) {
        Map<String, List<String>> hours = new HashMap<>();
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            hours.put(d.name(), ranges);
        }
        return hours;
    }

    /** A centre configuration. */
    public static CentreConfig centre(String id, String zone, List<String> primary, List<String> secondary,
            String residency, List<String> hours, List<String> skills, CentreConfig.SlaPolicy sla, List<String> spaces) {
        return new CentreConfig(CentreConfig.VERSION, id, id, zone, primary, secondary, residency, everyDay(hours),
                List.of(LocalDate.parse("2026-12-25")), skills, 50, 1800, sla, spaces, List.of(), false, Instant.now());
    }

    /** The four centres most tests route between. */
    public static List<CentreConfig> world() {
        CentreConfig.SlaPolicy sla = new CentreConfig.SlaPolicy(3600, 7200, 86400, true);
        return List.of(
                centre("montpellier", "Europe/Paris", List.of("fr", "it"), List.of("en", "es", "de"), "EU", DAY,
                        List.of("gaming", "business", "crisis"), sla, List.of(EU_SPACE)),
                centre("bratislava", "Europe/Bratislava", List.of("sk", "cs", "de", "pl"), List.of("en", "nl", "fr"), "EU",
                        DAY, List.of("gaming"), sla, List.of()),
                centre("austin", "America/Chicago", List.of("en"), List.of("es", "fr"), "US", List.of("06:00-23:00"),
                        List.of("gaming", "business"), sla, List.of()),
                centre("sao-paulo", "America/Sao_Paulo", List.of("pt", "es"), List.of("en"), "BR", DAY, List.of(), sla,
                        List.of()));
    }

    /** Publishes centres on centres.config and waits until the directory knows them all. */
    public void publishCentres(CentreDirectory directory, List<CentreConfig> centres) {
        for (CentreConfig c : centres) {
            kafka.send(TestTopics.topic(Topics.CENTRES_CONFIG), c.id(), write(c));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> centres.stream().allMatch(c -> directory.centre(c.id())
                .map(known -> known.equals(c)).orElse(false)));
    }

    /** A scored message; {@code id} is its native id, {@code thread} its thread root. */
    public static ScoredMention scored(String id, String thread, String lang, String space, String text, String topic,
            String sentiment, String productLine, double urgency) {
        Mention m = new Mention(Mention.VERSION, "facebook", id, space, thread, thread.equals(id) ? null : thread,
                new Author("u-" + thread, "Jeanne", 50, false), text, lang, Instant.parse("2026-11-22T10:00:00Z"), null,
                List.of(), Instant.now());
        return new ScoredMention(ScoredMention.VERSION, m, lang, new Sentiment(sentiment, "negative".equals(sentiment) ? -0.5 : 0.2),
                topic, productLine, "consumer", urgency, 0.1, false, false, List.of(), Instant.now());
    }

    /** A new thread with one complaint; returns its conversation id. */
    public String complaint(String lang, String space) {
        String id = UUID.randomUUID().toString();
        send(scored(id, id, lang, space, "It stopped working after the update", "technical_support", "negative", null,
                0.5));
        return "facebook:" + id;
    }

    public void send(ScoredMention s) {
        kafka.send(TestTopics.topic(Topics.MENTIONS_SCORED), s.mention().conversationKey(), write(s));
    }

    public void sendRaw(String topic, String key, String value) {
        kafka.send(TestTopics.topic(topic), key, value);
    }

    /** Publishes an agent's presence. */
    public void presence(String agent, String centre, String status, int capacity, List<String> skills) {
        presence(agent, centre, status, capacity, skills, List.of());
    }

    /** Publishes an agent's presence with the languages they cover. */
    public void presence(String agent, String centre, String status, int capacity, List<String> skills,
            List<String> languages) {
        AgentPresence p = new AgentPresence(AgentPresence.VERSION, agent, centre, status, languages, skills, capacity,
                Instant.now());
        kafka.send(TestTopics.topic(Topics.AGENT_PRESENCE), agent, write(p));
    }

    public KafkaTestClient kafka() {
        return kafka;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query in a fresh Hibernate Reactive session on a Vert.x context, from the test thread. */
    public static <T> T db(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The conversation as stored now (a fresh read). */
    public static Conversation conversation(String id) {
        return db(() -> Panache.getSession().chain(s -> s.find(Conversation.class, id)));
    }

    /** Rows of a native query. */
    public static List<Object[]> rows(String sql, Object... params) {
        return db(() -> Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        }));
    }

    /** The agent's current status as routing stored it, or null. */
    public static String agentStatus(String agent) {
        List<Object[]> r = rows("select status, 1 from agent where id = ?1", agent);
        return r.isEmpty() ? null : (String) r.get(0)[0];
    }

    /** Waits until the agents have the status. */
    public static void awaitAgents(String status, String... agents) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(agents).allMatch(a -> status.equals(agentStatus(a))));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
