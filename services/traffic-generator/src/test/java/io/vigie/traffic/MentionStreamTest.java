package io.vigie.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Properties of a generated day: replay format, coverage, threads, authors, rhythm and the injected crisis. */
class MentionStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELD_ORDER = List.of(
            "network", "id", "space", "threadId", "inReplyTo", "author", "text", "lang", "createdAt", "url");
    private static final Set<String> REQUIRED = Set.of("network", "id", "author", "text", "createdAt");
    private static final List<String> AUTHOR_ORDER = List.of("id", "handle", "followers", "verified");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Instant SUNDAY = Instant.parse("2026-11-22T00:00:00Z");
    private static final Instant CRISIS_AT = Instant.parse("2026-11-22T14:00:00Z");

    /** A default day (seed 42, 200 per hour) without crisis. */
    private static List<GeneratedMention> day;
    /** The same day with a 300-post crisis at 14:00. */
    private static List<GeneratedMention> crisisDay;

    @BeforeAll
    static void generate() {
        day = new TrafficGenerator(GeneratorOptions.defaults()).stream().toList();
        crisisDay = new TrafficGenerator(GeneratorOptions.defaults().withCrisis(CRISIS_AT, 300)).stream().toList();
    }

    @Test
    void everyLineIsJsonInTheReplayFormat() throws Exception {
        assertTrue(day.size() > 3000, "a default day should hold thousands of posts, got " + day.size());
        Set<String> ids = new HashSet<>();
        for (GeneratedMention generated : day) {
            String line = generated.toJsonLine();
            assertFalse(line.contains("\n"), "one post per line");
            JsonNode node = JSON.readTree(line);
            assertOrderedSubset(FIELD_ORDER, node, line);
            for (String field : REQUIRED) {
                assertTrue(node.hasNonNull(field), "missing " + field + " in " + line);
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("author")) {
                    assertTrue(e.getValue().isTextual() && !e.getValue().asText().isBlank(), "bad " + e.getKey() + " in " + line);
                }
            });
            JsonNode author = node.get("author");
            assertOrderedSubset(AUTHOR_ORDER, author, line);
            assertTrue(author.get("id").isTextual() && author.get("handle").isTextual(), line);
            assertTrue(author.get("verified").isBoolean(), line);
            if (author.has("followers")) {
                assertTrue(author.get("followers").isIntegralNumber() && author.get("followers").asLong() >= 0, line);
            }
            assertTrue(TIMESTAMP.matcher(node.get("createdAt").asText()).matches(), line);
            assertEquals(generated.createdAt(), Instant.parse(node.get("createdAt").asText()));
            assertTrue(Set.of("x", "facebook", "linkedin", "community", "rss").contains(node.get("network").asText()), line);
            if (node.has("lang")) {
                assertTrue(node.get("lang").asText().matches("[a-z]{2,3}"), line);
            }
            if (node.has("url")) {
                assertTrue(node.get("url").asText().startsWith("https://"), line);
            }
            if (node.has("threadId") || node.has("inReplyTo")) {
                assertTrue(node.has("threadId") && node.has("inReplyTo"), "replies carry both threadId and inReplyTo: " + line);
            }
            for (String truthWord : List.of("topic", "sentiment", "crisis", "groundTruth")) {
                assertFalse(node.has(truthWord), "ground truth leaked into " + line);
            }
            assertTrue(ids.add(node.get("id").asText()), "duplicate id in " + line);
        }
    }

    @Test
    void idsAndUrlsFollowEachNetworksStyle() {
        int rssWithoutFollowers = 0;
        int rss = 0;
        for (GeneratedMention g : day) {
            Mention m = g.mention();
            switch (m.network()) {
                case "x" -> {
                    assertTrue(m.id().matches("\\d{18,19}"), m.id());
                    assertEquals("https://x.com/" + m.author().handle().substring(1) + "/status/" + m.id(), m.url());
                    assertTrue(m.author().handle().matches("@\\w{1,15}"), m.author().handle());
                    assertTrue(m.text().length() <= 280, "X post longer than 280: " + m.text());
                }
                case "facebook" -> assertTrue(m.id().matches("\\d+_\\d+"), m.id());
                case "linkedin" -> assertTrue(m.id().startsWith("urn:li:activity:") || m.id().startsWith("urn:li:comment:"), m.id());
                case "community" -> {
                    assertTrue(m.id().matches("\\d+"), m.id());
                    assertTrue(m.url().startsWith("https://community.nordlys.example/t/"), m.url());
                }
                case "rss" -> {
                    rss++;
                    assertNotNull(m.url(), "rss items always have a url");
                    assertTrue(m.id().startsWith("https://"), m.id());
                    if (m.author().followers() == null) {
                        rssWithoutFollowers++;
                    }
                }
                default -> throw new AssertionError("unexpected network " + m.network());
            }
            if (m.space() != null) {
                assertTrue(m.space().startsWith(m.network() + ":"), "space " + m.space() + " on " + m.network());
            }
        }
        assertTrue(rss > 0);
        assertTrue(rssWithoutFollowers * 2 > rss, "rss items often have no follower count");
    }

    @Test
    void outputIsSortedByCreatedAtWithinTheWindow() {
        Instant previous = Instant.MIN;
        for (GeneratedMention g : crisisDay) {
            assertFalse(g.createdAt().isBefore(previous), "not sorted at " + g.mention().id());
            assertFalse(g.createdAt().isBefore(SUNDAY));
            assertTrue(g.createdAt().isBefore(SUNDAY.plus(Duration.ofHours(24))));
            previous = g.createdAt();
        }
    }

    @Test
    void everyLanguageAndNetworkAppearsInADayAndEnglishDominates() {
        Map<Language, Integer> languages = new EnumMap<>(Language.class);
        Set<String> networks = new HashSet<>();
        Set<String> hints = new HashSet<>();
        int withHint = 0;
        for (GeneratedMention g : day) {
            languages.merge(g.groundTruth().language(), 1, Integer::sum);
            networks.add(g.mention().network());
            if (g.mention().lang() != null) {
                hints.add(g.mention().lang());
                withHint++;
            }
        }
        assertEquals(EnumSet.allOf(Language.class), languages.keySet());
        for (Language language : Language.values()) {
            assertTrue(languages.get(language) >= day.size() / 100, language + " too rare: " + languages);
        }
        Language top = languages.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(Language.EN, top);
        assertTrue(languages.get(Language.EN) > day.size() * 0.35, "English should dominate: " + languages);
        assertEquals(Set.of("x", "facebook", "linkedin", "community", "rss"), networks);
        assertTrue(hints.containsAll(Set.of("en", "fr", "de", "es", "pt", "it", "nl", "sk")), "hints " + hints);
        assertTrue(withHint > day.size() / 5 && withHint < day.size() * 9 / 10, "the lang hint is present only sometimes: " + withHint);
    }

    @Test
    void everyTopicAppearsWithAPlausibleSentiment() {
        Map<Topic, Map<Sentiment, Integer>> counts = new EnumMap<>(Topic.class);
        for (GeneratedMention g : day) {
            counts.computeIfAbsent(g.groundTruth().topic(), t -> new EnumMap<>(Sentiment.class))
                    .merge(g.groundTruth().sentiment(), 1, Integer::sum);
        }
        assertEquals(EnumSet.allOf(Topic.class), counts.keySet());
        assertTrue(share(counts.get(Topic.PRAISE), Sentiment.POSITIVE) > 0.8, "praise is positive: " + counts.get(Topic.PRAISE));
        assertTrue(share(counts.get(Topic.COMPLAINT), Sentiment.NEGATIVE) > 0.7, "complaints are negative: " + counts.get(Topic.COMPLAINT));
        assertTrue(share(counts.get(Topic.PURCHASE), Sentiment.NEGATIVE) < 0.2, "purchase questions are rarely negative: " + counts.get(Topic.PURCHASE));
        assertTrue(share(counts.get(Topic.TECHNICAL_SUPPORT), Sentiment.NEGATIVE) > 0.2
                && share(counts.get(Topic.TECHNICAL_SUPPORT), Sentiment.NEUTRAL) > 0.2, "support is mixed: " + counts.get(Topic.TECHNICAL_SUPPORT));
    }

    private static double share(Map<Sentiment, Integer> counts, Sentiment sentiment) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.getOrDefault(sentiment, 0) / (double) total;
    }

    @Test
    void repliesReferToEarlierPostsOfTheSameThread() {
        Map<String, Mention> seen = new HashMap<>();
        Map<String, Integer> threadSizes = new HashMap<>();
        int replies = 0;
        for (GeneratedMention g : crisisDay) {
            Mention m = g.mention();
            if (m.inReplyTo() != null) {
                replies++;
                Mention parent = seen.get(m.inReplyTo());
                Mention root = seen.get(m.threadId());
                assertNotNull(parent, "parent " + m.inReplyTo() + " must appear before " + m.id());
                assertNotNull(root, "thread root " + m.threadId() + " must appear before " + m.id());
                assertEquals(null, root.threadId(), "a thread id names the root post");
                assertEquals(m.threadId(), parent.threadId() == null ? parent.id() : parent.threadId(), "parent in the same thread");
                assertEquals(root.network(), m.network());
                assertEquals(root.space(), m.space());
                threadSizes.merge(m.threadId(), 1, Integer::sum);
            }
            seen.put(m.id(), m);
        }
        assertTrue(replies > crisisDay.size() / 5, "conversations should be common: " + replies);
        long longThreads = threadSizes.values().stream().filter(n -> n >= 3).count();
        assertTrue(longThreads >= 20, "several messages per conversation: only " + longThreads + " threads with 4+ posts");
    }

    @Test
    void authorsRepeatAndFollowersAreHeavyTailed() {
        Map<String, Integer> postsPerAuthor = new HashMap<>();
        List<Long> followers = new ArrayList<>();
        int verified = 0;
        for (GeneratedMention g : day) {
            Mention.Author a = g.mention().author();
            postsPerAuthor.merge(g.mention().network() + a.id(), 1, Integer::sum);
            if (a.followers() != null) {
                followers.add(a.followers());
            }
            verified += a.verified() ? 1 : 0;
        }
        assertTrue(postsPerAuthor.values().stream().anyMatch(n -> n >= 5), "some authors post repeatedly");
        assertTrue(postsPerAuthor.size() < day.size() * 0.8, "authors are reused: " + postsPerAuthor.size());
        followers.sort(null);
        long median = followers.get(followers.size() / 2);
        long max = followers.get(followers.size() - 1);
        assertTrue(max > 100 * median && max >= 100_000, "heavy tail: median " + median + ", max " + max);
        assertTrue(verified > 0 && verified < day.size() / 10, "some, not many, verified: " + verified);
    }

    @Test
    void dailyRhythmHasQuietNightsAndBusyDays() {
        int[] perHour = new int[24];
        for (GeneratedMention g : day) {
            perHour[(int) Duration.between(SUNDAY, g.createdAt()).toHours()]++;
        }
        int max = java.util.Arrays.stream(perHour).max().orElseThrow();
        int min = java.util.Arrays.stream(perHour).min().orElseThrow();
        assertTrue(max >= 2 * min, "busiest hour " + max + " should be at least twice the quietest " + min);
        int night = perHour[3] + perHour[4] + perHour[5];
        int evening = perHour[17] + perHour[18] + perHour[19];
        assertTrue(evening > 2 * night, "UTC evening " + evening + " vs night " + night);
    }

    @Test
    void weekendsAreQuieterThanWeekdays() {
        GeneratorOptions sunday = GeneratorOptions.defaults();
        GeneratorOptions wednesday = sunday.withStart(Instant.parse("2026-11-25T00:00:00Z"));
        long sundayCount = new TrafficGenerator(sunday).stream().count();
        long wednesdayCount = new TrafficGenerator(wednesday).stream().count();
        assertTrue(sundayCount < 0.85 * wednesdayCount, "Sunday " + sundayCount + " vs Wednesday " + wednesdayCount);
    }

    @Test
    void perHourIsTheMeanRateOverAWeek() {
        long count = new TrafficGenerator(GeneratorOptions.defaults().withHours(168).withPerHour(50)).stream().count();
        assertTrue(Math.abs(count - 168 * 50) < 168 * 50 * 0.1, "expected about 8400 posts in a week, got " + count);
    }

    @Test
    void crisisWindowShowsAClearSurgeOfTheHashtag() {
        int[] tagPerHour = new int[24];
        int crisisPosts = 0;
        Set<Language> crisisLanguages = EnumSet.noneOf(Language.class);
        int negative = 0;
        int firstTenMinutes = 0;
        int halfHourLater = 0;
        for (GeneratedMention g : crisisDay) {
            if (g.mention().text().contains(PostFactory.CRISIS_HASHTAG)) {
                tagPerHour[(int) Duration.between(SUNDAY, g.createdAt()).toHours()]++;
            }
            if (g.groundTruth().crisis()) {
                crisisPosts++;
                crisisLanguages.add(g.groundTruth().language());
                negative += g.groundTruth().sentiment() == Sentiment.NEGATIVE ? 1 : 0;
                long minutes = Duration.between(CRISIS_AT, g.createdAt()).toMinutes();
                assertTrue(minutes >= 0, "no crisis post before the crisis");
                firstTenMinutes += minutes < 10 ? 1 : 0;
                halfHourLater += minutes >= 30 && minutes < 40 ? 1 : 0;
            }
        }
        int before = 0;
        for (int h = 0; h < 14; h++) {
            before = Math.max(before, tagPerHour[h]);
        }
        assertTrue(tagPerHour[14] >= 50, "surge expected at 14:00, got " + tagPerHour[14]);
        assertTrue(tagPerHour[14] >= 10 * Math.max(1, before), "14:00 " + tagPerHour[14] + " vs busiest hour before " + before);
        assertEquals(300, crisisPosts, "the whole crisis fits in the window");
        assertTrue(crisisLanguages.size() >= 6, "multilingual crisis: " + crisisLanguages);
        assertTrue(negative > crisisPosts * 0.7, "mostly negative: " + negative);
        assertTrue(firstTenMinutes < halfHourLater, "ramps up: " + firstTenMinutes + " then " + halfHourLater);
        assertTrue(day.stream().noneMatch(g -> g.mention().text().contains(PostFactory.CRISIS_HASHTAG)), "no crisis hashtag without a crisis");
        assertTrue(day.stream().noneMatch(g -> g.groundTruth().crisis()));
    }

    @Test
    void streamIsLazyEnoughForMillionsOfPosts() {
        GeneratorOptions huge = new GeneratorOptions(1, SUNDAY, GeneratorOptions.MAX_HOURS, 1_000_000, null, 1);
        long count = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new TrafficGenerator(huge).stream().limit(20_000).count());
        assertEquals(20_000, count);
    }

    @Test
    void iteratorEndsCleanly() {
        GeneratorOptions hour = GeneratorOptions.defaults().withHours(1).withPerHour(20);
        Iterator<GeneratedMention> it = new TrafficGenerator(hour).iterator();
        int n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        assertTrue(n > 0);
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void groundTruthMatchesTheLangHintWhenPresent() {
        Map<String, Long> mismatches = day.stream()
                .filter(g -> g.mention().lang() != null && !g.mention().lang().equals("und"))
                .filter(g -> !g.mention().lang().equals(g.groundTruth().language().code()))
                .collect(Collectors.groupingBy(g -> g.mention().lang(), Collectors.counting()));
        assertTrue(mismatches.isEmpty(), "hints disagree with the language written: " + mismatches);
    }

    private static void assertOrderedSubset(List<String> order, JsonNode node, String line) {
        int last = -1;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            int index = order.indexOf(name);
            assertTrue(index >= 0, "unexpected field '" + name + "' in " + line);
            assertTrue(index > last, "field '" + name + "' out of order in " + line);
            last = index;
        }
    }
}
