package io.vigie.scoring.domain.radar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The radar on seeded synthetic traffic with a daily rhythm: quiet days, bursts of several sizes, restarts. */
class RadarTest {

    private static final Instant DAY0 = Instant.parse("2026-11-16T00:00:00Z");
    private static final List<String> NONE = List.of();

    /** Two days of rhythm on a watchlist, a busy topic and a quieter watchlist. */
    private static SyntheticTraffic baseline(long seed, Instant to) {
        return new SyntheticTraffic(seed)
                .stream(DAY0, to, 12, s -> 12 * SyntheticTraffic.rhythm(s), List.of("brand"), "technical_support",
                        "montpellier", "fr", "x", SyntheticTraffic.vocabulary("w", 400), NONE)
                .stream(DAY0, to, 30, s -> 30 * SyntheticTraffic.rhythm(s), NONE, "purchase", "austin", "en",
                        "facebook", SyntheticTraffic.vocabulary("p", 400), NONE)
                .stream(DAY0, to, 12, s -> 12 * SyntheticTraffic.rhythm(s), List.of("partner-antivirus"),
                        "technical_support", "austin", "en", "x", SyntheticTraffic.vocabulary("a", 400), NONE);
    }

    private static List<RadarEvent> run(Radar radar, List<Observation> observations, Instant until) {
        List<RadarEvent> events = new ArrayList<>();
        for (Observation o : observations) {
            events.addAll(radar.advanceTo(o.at().getEpochSecond()));
            radar.observe(o);
        }
        events.addAll(radar.advanceTo(until.getEpochSecond()));
        return events;
    }

    private static final Instant ANTIVIRUS_BURST = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));

    /** The baseline of {@code seed} with a 20-minute burst of 48 mentions a minute on partner-antivirus. */
    private static List<Observation> antivirusBurst(long seed, Instant end) {
        return baseline(seed, end).stream(ANTIVIRUS_BURST, ANTIVIRUS_BURST.plus(Duration.ofMinutes(20)), 48, s -> 48,
                List.of("partner-antivirus"), "technical_support", "austin", "en", "x",
                SyntheticTraffic.vocabulary("a", 400), List.of("#shieldprofail")).observations();
    }

    /** The radar written to a snapshot and read back. */
    /** A mention of no watchlist, topic or term of interest: it only moves the clocks and the counters. */
    private static Observation plain(String key, Instant at, String text) {
        return new Observation(key, at, text, NONE, null, null, "en", "x", NONE);
    }

    private static Radar roundTrip(Radar radar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        radar.write(new DataOutputStream(bytes));
        return Radar.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), RadarSettings.defaults());
    }

    private static String brief(List<RadarEvent> events) {
        return events.stream().map(e -> e.status() + " " + e.kind().id() + ":" + e.subject() + " at " + e.detectedAt()
                + " observed " + e.observed() + " expected " + Math.round(e.expected() * 10) / 10.0 + " related "
                + e.related()).toList().toString();
    }

    private static List<RadarEvent> opened(List<RadarEvent> events) {
        return events.stream().filter(e -> RadarEvent.OPEN.equals(e.status())).toList();
    }

    @Test
    void threeQuietDaysWithADailyRhythmRaiseNoAlarm() {
        Instant end = DAY0.plus(Duration.ofDays(3));
        List<RadarEvent> events = run(new Radar(RadarSettings.defaults()), baseline(1, end).observations(), end);
        assertEquals(0, opened(events).size(), () -> "false alarms: " + brief(opened(events)));
    }

    @Test
    void aFiveFoldBurstOnAWatchlistIsCaughtWithinThirtySecondsAsOneIncidentThatResolves() {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));
        Instant end = burst.plus(Duration.ofHours(2));
        SyntheticTraffic traffic = baseline(2, end).stream(burst, burst.plus(Duration.ofMinutes(20)), 48,
                s -> 4 * 12 * SyntheticTraffic.rhythm(s), List.of("partner-antivirus"), "technical_support", "austin",
                "en", "x", SyntheticTraffic.vocabulary("a", 400), List.of("#shieldprofail", "bsod"));
        List<RadarEvent> events = run(new Radar(RadarSettings.defaults()), traffic.observations(), end);

        List<RadarEvent> open = opened(events);
        assertEquals(1, open.size(), () -> "one incident, got " + brief(open));
        RadarEvent first = open.get(0);
        assertEquals(SubjectKind.WATCHLIST, first.kind());
        assertEquals("partner-antivirus", first.subject());
        long delay = Duration.between(burst, first.detectedAt()).toSeconds();
        assertTrue(delay <= 30, "detected after " + delay + " s");
        assertTrue(first.observed() > 3 * first.expected(), () -> brief(List.of(first)));
        assertFalse(first.samples().isEmpty());
        assertEquals("austin", first.centre());
        assertEquals("en", first.language());

        assertTrue(events.stream().allMatch(e -> e.incidentId().equals(first.incidentId())), () -> brief(events));
        List<RadarEvent> mine = events.stream().filter(e -> e.incidentId().equals(first.incidentId())).toList();
        assertEquals(1, mine.stream().filter(e -> e.status().equals(RadarEvent.RESOLVED)).count(),
                () -> "resolved once, never reopened by its own tail: " + brief(mine));
        RadarEvent last = mine.get(mine.size() - 1);
        assertEquals(RadarEvent.RESOLVED, last.status());
        long resolvedAfterEnd = Duration.between(burst.plus(Duration.ofMinutes(20)), last.detectedAt()).toMinutes();
        assertTrue(resolvedAfterEnd >= 5 && resolvedAfterEnd <= 30, "resolved " + resolvedAfterEnd + " min after the end");
        assertTrue(mine.size() <= 12, () -> "no alert storm: " + brief(mine));
        assertTrue(last.related().contains("term:#shieldprofail"), last.related().toString());
        assertTrue(mine.stream().anyMatch(e -> e.topTerms().contains("bsod")), "co-occurring terms");
        for (int k = 0; k < mine.size(); k++) {
            assertEquals(k + 1, mine.get(k).seq());
        }
        assertTrue(last.mentions() >= 600, "grouped mentions: " + last.mentions());
    }

    /** A quiet watchlist (about 3 posts a minute in the afternoon) from DAY0, with a five-fold step at {@code burst}. */
    private static List<Observation> quietWatchlist(long seed, Instant end, Instant burst) {
        SyntheticTraffic traffic = new SyntheticTraffic(seed).stream(DAY0, end, 3, s -> 3 * SyntheticTraffic.rhythm(s),
                List.of("nordos"), "technical_support", "oslo", "no", "x", SyntheticTraffic.vocabulary("n", 400), NONE);
        if (burst != null) {
            traffic.stream(burst, end, 12, s -> 4 * 3 * SyntheticTraffic.rhythm(s), List.of("nordos"),
                    "technical_support", "oslo", "no", "x", SyntheticTraffic.vocabulary("n", 400), NONE);
        }
        return traffic.observations();
    }

    /** Seconds from {@code burst} to the first incident about {@code subject} opened at or after it; -1 if none. */
    private static long delay(List<RadarEvent> events, String subject, Instant burst) {
        return opened(events).stream().filter(e -> e.subject().equals(subject) && !e.detectedAt().isBefore(burst))
                .mapToLong(e -> Duration.between(burst, e.detectedAt()).toSeconds()).findFirst().orElse(-1);
    }

    @Test
    void aFiveFoldStepOnAQuietWatchlistIsCaughtSoonerWithTheSequentialTestThanByTheWindowsAlone() {
        RadarSettings windowsOnly = RadarSettings.defaults().withSequentialRatio(0);
        List<Long> withCusum = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        int seeds = 12;
        for (long seed = 1; seed <= seeds; seed++) {
            Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14)).plusSeconds(seed * 7);
            Instant end = burst.plus(Duration.ofMinutes(15));
            List<Observation> traffic = quietWatchlist(seed, end, burst);
            withCusum.add(delay(run(new Radar(RadarSettings.defaults()), traffic, end), "nordos", burst));
            without.add(delay(run(new Radar(windowsOnly), traffic, end), "nordos", burst));
        }
        assertTrue(withCusum.stream().allMatch(d -> d >= 0), () -> "every burst caught: " + withCusum);
        double mean = withCusum.stream().mapToLong(Long::longValue).average().orElseThrow();
        double meanWindows = without.stream().mapToLong(d -> d < 0 ? 900 : d).average().orElseThrow();
        long sooner = java.util.stream.IntStream.range(0, seeds)
                .filter(k -> without.get(k) < 0 || withCusum.get(k) < without.get(k)).count();
        long later = java.util.stream.IntStream.range(0, seeds)
                .filter(k -> without.get(k) >= 0 && withCusum.get(k) > without.get(k)).count();
        // Never later (the windows are still tested), sooner on most bursts, and at least 10 s sooner on average.
        assertTrue(later == 0 && sooner >= seeds / 2 && mean <= meanWindows - 10,
                () -> "sequential " + withCusum + " (mean " + mean + ") against the windows' " + without);
    }

    @Test
    void theSequentialTestAddsAtMostOneFalseAlarmADayOnAQuietWatchlist() {
        int days = 4;
        int alarms = 0;
        for (long seed = 21; seed <= 23; seed++) {
            Instant end = DAY0.plus(Duration.ofDays(days));
            alarms += opened(run(new Radar(RadarSettings.defaults()), quietWatchlist(seed, end, null), end)).size();
        }
        int total = alarms;
        assertTrue(total <= 3 * (days - 1), () -> total + " false alarms in " + 3 * (days - 1) + " watched days");
    }

    @Test
    void aWatchlistBurstWithinAnotherWatchlistsOpenIncidentIsNewsAtOnce() {
        Instant surge = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(13));
        Instant burst = surge.plus(Duration.ofHours(1));
        Instant end = burst.plus(Duration.ofHours(1));
        // The brand's own surge is an open incident when the gaming line's burst starts; the gaming posts name the
        // brand too, so the burst joins that incident (one incident, no storm) but must be announced at once.
        SyntheticTraffic traffic = baseline(6, end)
                .stream(DAY0, end, 12, s -> 12 * SyntheticTraffic.rhythm(s), List.of("brand"), "praise", "austin", "en",
                        "x", SyntheticTraffic.vocabulary("n", 400), NONE)
                .stream(DAY0, end, 4, s -> 4 * SyntheticTraffic.rhythm(s), List.of("brand", "forge-gaming"), "praise",
                        "bratislava", "sk", "x", SyntheticTraffic.vocabulary("g", 400), NONE)
                .stream(surge, end, 36, s -> 36, List.of("brand"), "complaint", "austin", "en", "x",
                        SyntheticTraffic.vocabulary("c", 400), NONE)
                .stream(burst, burst.plus(Duration.ofMinutes(10)), 40, s -> 40, List.of("brand", "forge-gaming"),
                        "complaint", "bratislava", "sk", "x", SyntheticTraffic.vocabulary("g", 400), NONE);
        List<RadarEvent> events = run(new Radar(RadarSettings.defaults()), traffic.observations(), end);
        RadarEvent brand = opened(events).stream().filter(e -> e.subject().equals("brand")).findFirst()
                .orElseThrow(() -> new AssertionError(brief(events)));
        assertTrue(brand.detectedAt().isBefore(burst), () -> brief(events));
        RadarEvent forge = events.stream().filter(e -> !e.detectedAt().isBefore(burst))
                .filter(e -> e.subject().equals("forge-gaming") || e.related().contains("watchlist:forge-gaming"))
                .findFirst().orElseThrow(() -> new AssertionError(brief(events)));
        long delay = Duration.between(burst, forge.detectedAt()).toSeconds();
        assertTrue(delay <= 30, () -> "announced after " + delay + " s: " + brief(events));
        assertEquals("forge-gaming", forge.subject(), "the stronger surge leads the incident");
    }

    @Test
    void aTwoFoldRiseOfABusyTopicIsCaughtWithinFiveMinutes() {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(15));
        Instant end = burst.plus(Duration.ofHours(1));
        SyntheticTraffic traffic = baseline(3, end).stream(burst, burst.plus(Duration.ofMinutes(30)), 30,
                s -> 30 * SyntheticTraffic.rhythm(s), NONE, "purchase", "austin", "en", "facebook",
                SyntheticTraffic.vocabulary("p", 400), NONE);
        List<RadarEvent> events = run(new Radar(RadarSettings.defaults()), traffic.observations(), end);
        List<RadarEvent> open = opened(events);
        assertEquals(1, open.size(), () -> brief(open));
        assertEquals(SubjectKind.TOPIC, open.get(0).kind());
        assertEquals("purchase", open.get(0).subject());
        long delay = Duration.between(burst, open.get(0).detectedAt()).toSeconds();
        assertTrue(delay <= 300, "detected after " + delay + " s");
        RadarEvent last = events.get(events.size() - 1);
        assertEquals(RadarEvent.RESOLVED, last.status(), () -> brief(events));
        assertTrue(last.related().contains("scope:austin|en|facebook"), () -> brief(events));
    }

    @Test
    void aRiseOfATopicInOneLanguageIsCaughtByThatLanguagesSeriesWhenTheWholeTopicBarelyMoves() {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(15));
        Instant end = burst.plus(Duration.ofHours(1));
        // French purchase posts at 2 a minute beside 30 English ones; then 10 more French ones a minute: the topic
        // as a whole rises by a third (not significant within 5 minutes at the topics' threshold), French purchase
        // posts sixfold
        SyntheticTraffic traffic = baseline(4, end).stream(DAY0, end, 2, s -> 2 * SyntheticTraffic.rhythm(s), NONE,
                "purchase", "montpellier", "fr", "x", SyntheticTraffic.vocabulary("f", 400), NONE)
                .stream(burst, burst.plus(Duration.ofMinutes(30)), 10, s -> 10, NONE, "purchase", "montpellier", "fr",
                        "x", SyntheticTraffic.vocabulary("f", 400), NONE);
        List<RadarEvent> events = run(new Radar(RadarSettings.defaults()), traffic.observations(), end);
        RadarEvent first = opened(events).stream().filter(e -> !e.detectedAt().isBefore(burst)).findFirst()
                .orElseThrow(() -> new AssertionError(brief(events)));
        assertEquals(SubjectKind.TOPIC, first.kind());
        assertEquals("purchase|fr", first.subject(), () -> brief(events));
        assertEquals("fr", first.language());
        long delay = Duration.between(burst, first.detectedAt()).toSeconds();
        assertTrue(delay <= 300, "detected after " + delay + " s: " + brief(events));
    }

    @Test
    void aTopicThatJoinsAWatchlistsIncidentIsReportedWhileItLastsNotAtTheEnd() {
        // The brand triples for 40 minutes (a step: its incident opens at once and does not grow after); a quarter of
        // the extra posts are about billing, a topic at 6 a minute otherwise, which doubles and joins later.
        Instant burst = ANTIVIRUS_BURST;
        Instant end = burst.plus(Duration.ofHours(1));
        Instant over = burst.plus(Duration.ofMinutes(40));
        SyntheticTraffic traffic = baseline(13, end).stream(DAY0, end, 6, s -> 6, NONE, "billing_delivery", "austin",
                "en", "facebook", SyntheticTraffic.vocabulary("b", 400), NONE)
                .stream(burst, over, 6, s -> 6, List.of("brand"), "billing_delivery", "montpellier", "fr", "x",
                        SyntheticTraffic.vocabulary("w", 400), NONE)
                .stream(burst, over, 18, s -> 18, List.of("brand"), "complaint", "montpellier", "fr", "x",
                        SyntheticTraffic.vocabulary("w", 400), NONE);
        List<RadarEvent> events = run(new Radar(RadarSettings.defaults()), traffic.observations(), end);
        RadarEvent first = opened(events).get(0);
        assertEquals("brand", first.subject(), () -> brief(events));
        RadarEvent reported = events.stream().filter(e -> e.related().contains("topic:billing_delivery"))
                .findFirst().orElseThrow(() -> new AssertionError(brief(events)));
        assertEquals(RadarEvent.GROWING, reported.status(), () -> brief(events));
        assertTrue(reported.detectedAt().isBefore(over), () -> "the surging topic reported after the burst: "
                + brief(events));
    }

    @Test
    void anEmergingHashtagIsASpikeOfItsOwnWhenNoWatchlistCoversIt() {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(10));
        Instant end = burst.plus(Duration.ofHours(1));
        // Spread over the usual streams: no series but the hashtag's surges.
        SyntheticTraffic traffic = baseline(4, end).stream(burst, burst.plus(Duration.ofMinutes(15)), 4, s -> 4, NONE,
                "complaint", "sao-paulo", "pt", "x", SyntheticTraffic.vocabulary("b", 400), List.of("#palmoil"));
        List<RadarEvent> open = opened(run(new Radar(RadarSettings.defaults()), traffic.observations(), end));
        assertEquals(1, open.size(), () -> brief(open));
        assertEquals(SubjectKind.TERM, open.get(0).kind());
        assertEquals("#palmoil", open.get(0).subject());
        assertEquals("pt", open.get(0).language());
    }

    @Test
    void sensitivityIsPerWatchlist() {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));
        Instant end = burst.plus(Duration.ofHours(1));
        // A short, modest rise: 18 more mentions spread over two minutes (about 1.8x in that window).
        List<Observation> traffic = new ArrayList<>(baseline(5, end).observations());
        for (int k = 0; k < 18; k++) {
            traffic.add(new Observation("x:extra" + k, burst.plusSeconds(k * 120L / 18), "antivirus extra",
                    List.of("partner-antivirus"), "technical_support", "austin", "en", "x", NONE));
        }
        traffic.sort(java.util.Comparator.comparing(Observation::at).thenComparing(Observation::key));
        RadarSettings base = RadarSettings.defaults();
        List<RadarEvent> low = opened(run(new Radar(base.withSensitivities(Map.of("partner-antivirus", "low"))),
                traffic, end));
        List<RadarEvent> high = opened(run(new Radar(base.withSensitivities(Map.of("partner-antivirus", "high"))),
                traffic, end));
        assertTrue(low.stream().noneMatch(e -> e.subject().equals("partner-antivirus")), () -> brief(low));
        assertTrue(high.stream().anyMatch(e -> e.subject().equals("partner-antivirus")), () -> brief(high));
    }

    @Test
    void aSnapshotTakenMidwayContinuesExactlyLikeTheUninterruptedRadar() throws IOException {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));
        Instant end = burst.plus(Duration.ofHours(1));
        List<Observation> all = baseline(6, end).stream(burst, burst.plus(Duration.ofMinutes(20)), 48,
                s -> 48, List.of("partner-antivirus"), "technical_support", "austin", "en", "x",
                SyntheticTraffic.vocabulary("a", 400), List.of("#shieldprofail")).observations();
        Instant cut = burst.plus(Duration.ofMinutes(5));
        List<Observation> before = all.stream().filter(o -> o.at().isBefore(cut)).toList();
        List<Observation> after = all.stream().filter(o -> !o.at().isBefore(cut)).toList();

        Radar uninterrupted = new Radar(RadarSettings.defaults());
        run(uninterrupted, before, cut);
        List<RadarEvent> expected = run(uninterrupted, after, end);

        Radar first = new Radar(RadarSettings.defaults());
        run(first, before, cut);
        Radar restored = roundTrip(first);
        assertEquals(first.seriesTotals(), restored.seriesTotals());
        assertEquals(first.activeIncidents(), restored.activeIncidents());
        assertFalse(restored.activeIncidents().isEmpty(), "the snapshot is taken during the incident");
        List<RadarEvent> actual = run(restored, after, end);
        assertEquals(expected, actual);
    }

    /**
     * A snapshot of the version before the sequential test (5, what a replica not yet upgraded writes) is read: the
     * same series, counts, clock and offsets, the sequential test starting again at 0, and a burst after it is caught
     * as by a radar that never stopped.
     */
    @Test
    void aSnapshotOfTheVersionBeforeTheSequentialTestIsReadAndTheRadarGoesOn() throws IOException {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));
        Instant end = burst.plus(Duration.ofMinutes(30));
        List<Observation> all = antivirusBurst(8, end);
        Instant cut = burst.minus(Duration.ofMinutes(5));
        List<Observation> before = all.stream().filter(o -> o.at().isBefore(cut)).toList();
        List<Observation> after = all.stream().filter(o -> !o.at().isBefore(cut)).toList();

        Radar uninterrupted = new Radar(RadarSettings.defaults());
        run(uninterrupted, before, cut);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        uninterrupted.write(new DataOutputStream(bytes), 5);
        Radar restored = Radar.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                RadarSettings.defaults());
        assertEquals(uninterrupted.seriesTotals(), restored.seriesTotals());
        assertEquals(uninterrupted.clock(), restored.clock());
        assertEquals(uninterrupted.offsets(), restored.offsets());
        assertThrows(IllegalArgumentException.class, () -> uninterrupted.write(new DataOutputStream(bytes), 4));

        long expected = delay(run(uninterrupted, after, end), "partner-antivirus", burst);
        long actual = delay(run(restored, after, end), "partner-antivirus", burst);
        assertTrue(expected >= 0 && expected <= 30, "the uninterrupted radar: " + expected + " s");
        assertEquals(expected, actual);
    }

    @Test
    void aClosedIncidentIsSilentUntilItEnds() {
        Instant burst = DAY0.plus(Duration.ofDays(1)).plus(Duration.ofHours(14));
        Instant end = burst.plus(Duration.ofHours(2));
        List<Observation> all = baseline(7, end).stream(burst, burst.plus(Duration.ofMinutes(30)), 60, s -> 60,
                List.of("partner-antivirus"), "technical_support", "austin", "en", "x",
                SyntheticTraffic.vocabulary("a", 400), NONE).observations();
        Radar radar = new Radar(RadarSettings.defaults());
        Instant close = burst.plus(Duration.ofMinutes(3));
        List<RadarEvent> before = run(radar, all.stream().filter(o -> o.at().isBefore(close)).toList(), close);
        RadarEvent open = opened(before).stream().filter(e -> e.subject().equals("partner-antivirus")
                && !e.detectedAt().isBefore(burst)).findFirst().orElseThrow(() -> new AssertionError(brief(before)));
        assertTrue(radar.suppress(open.incidentId()));
        List<RadarEvent> after = run(radar, all.stream().filter(o -> !o.at().isBefore(close)).toList(), end);
        assertTrue(after.stream().noneMatch(e -> e.incidentId().equals(open.incidentId())), () -> brief(after));
        assertFalse(radar.activeIncidents().contains(open.incidentId()), "tracked until it ended");
    }

    @Test
    void aMentionStampedFarAfterTheWallClockIsReadPastAndCountedButMovesNoClock() {
        Radar radar = new Radar(RadarSettings.defaults());
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        long wall = t.toEpochMilli();
        radar.observe(0, 0, plain("x:1", t, "a"), wall);
        radar.observe(0, 1, plain("x:2", Instant.parse("2199-01-01T00:00:00Z"), "b"), wall);
        // Within max-ahead (7 days by default): observed.
        radar.observe(1, 0, plain("x:3", t.plusSeconds(3_600), "c"), wall);
        radar.advance(wall);
        assertEquals(t, radar.clock());
        assertEquals(Map.of(0, 2L, 1, 1L), radar.offsets());
        assertEquals(1L, radar.counters().get("ahead"));
        assertEquals(2L, radar.counters().get("observed"));
        assertEquals(0L, radar.counters().get("late"));
    }

    @Test
    void theClockIsTheSlowestPartitionAndFollowsTheWallClockWhenAllAreSilent() {
        Radar radar = new Radar(RadarSettings.defaults());
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        long wall = t.toEpochMilli();
        radar.observe(0, 0, plain("x:1", t, "a"), wall);
        radar.observe(1, 0, plain("x:2", t.plusSeconds(600), "b"), wall);
        radar.advance(wall);
        assertEquals(t, radar.clock());
        radar.observe(0, 1, plain("x:3", t.plusSeconds(300), "c"), wall);
        radar.advance(wall);
        assertEquals(t.plusSeconds(300), radar.clock());
        assertEquals(Map.of(0, 2L, 1, 1L), radar.offsets());
        // Every partition silent for longer than idle-after, and the clock near the wall clock: it follows it.
        long later = t.plusSeconds(700).toEpochMilli();
        radar.advance(later);
        assertNotNull(radar.clock());
        assertEquals(t.plusSeconds(690), radar.clock());
    }

    @Test
    void aSilentPartitionWithRecordsLeftToReadHoldsTheClockBack() {
        Radar radar = new Radar(RadarSettings.defaults());
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        long wall = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();
        radar.observe(0, 0, plain("x:1", t, "a"), wall);
        radar.observe(1, 0, plain("x:2", t, "b"), wall);
        // Partition 0 keeps delivering for a minute of wall time, partition 1 delivers nothing: its consumer is busy
        // elsewhere and it still has records to read.
        long later = wall + 60_000;
        radar.behind(java.util.Set.of(1));
        radar.observe(0, 1, plain("x:3", t.plusSeconds(1800), "c"), later);
        radar.advance(later);
        assertEquals(t, radar.clock(), "held back by the partition that is behind");
        // Read to its end and still silent, but this is a replay (the clock a month behind the wall clock): the
        // scorer upstream may not have produced its records yet, so it holds the clock for replay-idle-after.
        radar.behind(java.util.Set.of());
        radar.advance(later);
        assertEquals(t, radar.clock(), "a replay: a silent partition holds the clock for a while");
        long muchLater = wall + RadarSettings.defaults().replayIdleAfter().toMillis() + 1000;
        radar.observe(0, 2, plain("x:4", t.plusSeconds(1810), "d"),
                muchLater);
        radar.advance(muchLater);
        assertEquals(t.plusSeconds(1810), radar.clock(), "silent for longer than replay-idle-after: idle");
        assertEquals(0L, radar.counters().get("late"));
    }

    @Test
    void liveASilentPartitionReadToItsEndIsIdleAfterIdleAfter() {
        Radar radar = new Radar(RadarSettings.defaults());
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        long wall = t.toEpochMilli();
        radar.observe(0, 0, plain("x:1", t, "a"), wall);
        radar.observe(1, 0, plain("x:2", t, "b"), wall);
        // Live traffic: partition 0 keeps up with the wall clock, partition 1 has nothing to deliver for 31 s.
        long later = wall + RadarSettings.defaults().idleAfter().toMillis() + 1000;
        radar.observe(0, 1, plain("x:3", t.plusSeconds(31), "c"), later);
        radar.advance(later);
        assertEquals(t.plusSeconds(30), radar.clock(), "live, the silent partition no longer holds the clock");
    }

    @Test
    void aRedeliveredMentionIsCountedOnce() throws IOException {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        long wall = t.toEpochMilli();
        Radar radar = new Radar(RadarSettings.defaults());
        Observation o = new Observation("x:1", t, "a", List.of("brand"), null, null, "en", "x", NONE);
        radar.observe(0, 0, o, wall);
        radar.observe(0, 0, o, wall);
        assertEquals(1L, radar.counters().get("observed"));
        assertEquals(1L, radar.counters().get("duplicates"));
        // Also after a restart from a snapshot: the recent mentions' keys are known again.
        Radar restored = roundTrip(radar);
        restored.observe(0, 0, o, wall);
        assertEquals(1L, restored.counters().get("duplicates"));
        restored.observe(0, 1, new Observation("x:2", t, "b", List.of("brand"), null, null, "en", "x", NONE), wall);
        assertEquals(1L, restored.counters().get("duplicates"));
    }

    @Test
    void aSnapshotKeepsTermsPrunedWhileRecentMentionsStillHoldThem() throws IOException {
        Instant end = DAY0.plus(Duration.ofHours(5));
        List<Observation> all = new ArrayList<>(new SyntheticTraffic(8)
                .stream(DAY0, end, 12, s -> 12, List.of("brand"), "technical_support", "montpellier", "fr", "x",
                        SyntheticTraffic.vocabulary("w", 50), NONE).observations());
        all.add(0, new Observation("x:once", DAY0, "a rare word", NONE, null, null, "en", "x", List.of("hapax")));
        Radar radar = new Radar(RadarSettings.defaults());
        run(radar, all, end);
        assertFalse(radar.seriesTotals().containsKey("term:hapax"), "pruned after three silent hours");
        Radar restored = roundTrip(radar);
        assertEquals(radar.offsets(), restored.offsets());
    }

    @Test
    void countsThatArriveAheadOfTheClockGiveTheSameAlertsAsAnOrderedStream() {
        Instant end = ANTIVIRUS_BURST.plus(Duration.ofHours(1));
        List<Observation> all = antivirusBurst(9, end);
        List<RadarEvent> ordered = run(new Radar(RadarSettings.defaults()), all, end);
        // The same traffic in chunks of 30 mentions observed before the clock moves (within the buckets' lateness).
        Radar batched = new Radar(RadarSettings.defaults());
        List<RadarEvent> events = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 30) {
            List<Observation> chunk = all.subList(i, Math.min(all.size(), i + 30));
            chunk.forEach(batched::observe);
            events.addAll(batched.advanceTo(chunk.get(chunk.size() - 1).at().getEpochSecond()));
        }
        events.addAll(batched.advanceTo(end.getEpochSecond()));
        RadarEvent first = opened(ordered).get(0);
        RadarEvent batchedFirst = opened(events).get(0);
        assertEquals(first.detectedAt(), batchedFirst.detectedAt(), () -> brief(events));
        assertEquals(first.incidentId(), batchedFirst.incidentId());
        assertEquals(opened(ordered).size(), opened(events).size(), () -> brief(events));
    }

    @Test
    void threePartitionsDeliveredInSkewedChunksGiveTheSameAlertsAsOneOrderedStream() {
        Instant end = ANTIVIRUS_BURST.plus(Duration.ofHours(1));
        List<Observation> all = antivirusBurst(10, end);
        List<RadarEvent> ordered = run(new Radar(RadarSettings.defaults()), all, end);

        // Partitions by key, consumed as Kafka does: up to 60 records of one partition, then of the next.
        List<List<Observation>> partitions = byPartition(all);
        Radar radar = new Radar(RadarSettings.defaults());
        List<RadarEvent> events = new ArrayList<>();
        int[] next = new int[3];
        long wall = WALL0;
        boolean more = true;
        while (more) {
            more = false;
            for (int p = 0; p < 3; p++) {
                List<Observation> part = partitions.get(p);
                for (int k = 0; k < 60 && next[p] < part.size(); k++, next[p]++) {
                    radar.observe(p, next[p], part.get(next[p]), wall);
                    events.addAll(radar.advance(wall));
                }
                more |= next[p] < part.size();
            }
        }
        RadarEvent first = opened(ordered).stream().filter(e -> e.subject().equals("partner-antivirus")).findFirst()
                .orElseThrow();
        RadarEvent skewed = opened(events).stream().filter(e -> e.subject().equals("partner-antivirus")).findFirst()
                .orElseThrow(() -> new AssertionError(brief(events)));
        assertEquals(first.detectedAt(), skewed.detectedAt(), () -> brief(events));
        assertEquals(opened(ordered).size(), opened(events).size(), () -> brief(ordered) + " vs " + brief(events));
        assertEquals(0L, radar.counters().get("late"));
    }

    private static final long WALL0 = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();

    /** The observations split into three partitions by key, each in event-time order. */
    private static List<List<Observation>> byPartition(List<Observation> all) {
        List<List<Observation>> partitions = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Observation o : all) {
            partitions.get(Math.floorMod(o.key().hashCode(), 3)).add(o);
        }
        return partitions;
    }

    /**
     * Delivers three partitions (by key) with partition 0 running ahead of the other two until it leads by {@code lead}
     * of event time, as a scorer that serves its partitions unevenly does; a snapshot is taken and read back when the
     * slow partitions reach {@code cut}, if given.
     */
    private static List<RadarEvent> skewed(List<Observation> all, Duration lead, Instant cut, Radar[] holder)
            throws IOException {
        List<List<Observation>> partitions = byPartition(all);
        Radar radar = new Radar(RadarSettings.defaults());
        List<RadarEvent> events = new ArrayList<>();
        int[] next = new int[3];
        long wall = WALL0;
        Instant t = all.get(0).at();
        Instant last = all.get(all.size() - 1).at();
        boolean cutDone = cut == null;
        while (!t.isAfter(last.plus(lead))) {
            t = t.plusSeconds(60);
            wall += 100;
            for (int p = 0; p < 3; p++) {
                // the others read at half speed until they trail by the lead, then as fast
                Instant lagging = all.get(0).at().plus(Duration.between(all.get(0).at(), t).dividedBy(2));
                Instant until = p == 0 ? t : lagging.isAfter(t.minus(lead)) ? lagging : t.minus(lead);
                List<Observation> part = partitions.get(p);
                while (next[p] < part.size() && part.get(next[p]).at().isBefore(until)) {
                    radar.observe(p, next[p], part.get(next[p]), wall);
                    next[p]++;
                    events.addAll(radar.advance(wall));
                }
            }
            Instant slowest = all.get(0).at().plus(Duration.between(all.get(0).at(), t).dividedBy(2));
            if (!cutDone && !(slowest.isAfter(t.minus(lead)) ? slowest : t.minus(lead)).isBefore(cut)) {
                assertTrue(radar.counters().get("held") > 0, "mentions held at the cut");
                radar = roundTrip(radar);
                cutDone = true;
            }
        }
        holder[0] = radar;
        return events;
    }

    @Test
    void aPartitionHoursAheadOfTheOthersGivesTheSameAlertsAsOneOrderedStream() throws IOException {
        Instant end = ANTIVIRUS_BURST.plus(Duration.ofHours(1));
        List<Observation> all = antivirusBurst(11, end);
        List<RadarEvent> ordered = run(new Radar(RadarSettings.defaults()), all, end);
        Radar[] radar = new Radar[1];
        // three hours ahead: more than the buckets' ring (the reference hour, the longest window and the lateness)
        List<RadarEvent> events = skewed(all, Duration.ofHours(3), null, radar);
        List<String> expected = opened(ordered).stream().map(e -> e.subject() + " at " + e.detectedAt()).toList();
        List<String> actual = opened(events).stream().map(e -> e.subject() + " at " + e.detectedAt()).toList();
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("partner-antivirus")), () -> brief(ordered));
        assertEquals(expected, actual, () -> brief(events));
        assertEquals(0L, radar[0].counters().get("late"));
        assertEquals(0L, radar[0].counters().get("held"));
    }

    @Test
    void mentionsHeldAheadOfTheClockSurviveASnapshot() throws IOException {
        Instant end = ANTIVIRUS_BURST.plus(Duration.ofHours(1));
        List<Observation> all = antivirusBurst(12, end);
        Radar[] radar = new Radar[1];
        List<RadarEvent> uninterrupted = skewed(all, Duration.ofHours(2), null, radar);
        Map<String, Long> totals = radar[0].seriesTotals();
        List<RadarEvent> restored = skewed(all, Duration.ofHours(2), ANTIVIRUS_BURST.minus(Duration.ofMinutes(30)), radar);
        assertEquals(uninterrupted, restored);
        assertEquals(totals, radar[0].seriesTotals());
    }
}
