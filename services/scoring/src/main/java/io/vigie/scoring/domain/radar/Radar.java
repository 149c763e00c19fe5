package io.vigie.scoring.domain.radar;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.special.Gamma;

/**
 * The crisis radar: counts mentions per watchlist, topic, centre × language × network and term in event-time
 * buckets, tests every window against a baseline (the preceding hour, shrunk towards the series' long-run rate and
 * corrected by its daily rhythm) with a quasi-Poisson tail, and groups the series that surge with the same mentions
 * into one incident that opens, grows and resolves.
 *
 * <p>Its clock is event time: the lowest of the partitions' latest event times (a silent partition stops holding it
 * back after a while, and a radar that is up to date follows the wall clock when everything is silent), so a replay
 * at any speed gives the same alerts as the live stream did. Not thread-safe: one caller at a time. The whole state
 * can be written and read back ({@link #write}, {@link #read}), with the Kafka offsets it has consumed.
 */
public final class Radar {

    private static final int SNAPSHOT_VERSION = 6;
    /** Snapshots of version 5 are read too: they lack only the sequential test's state, which starts again at 0. */
    private static final int OLDEST_READABLE_VERSION = 5;
    private static final int TEXT_CHARS = 280;
    private static final long TERM_KEEP_SECONDS = 3 * 3600;
    private static final int RECENT_EVENTS = 500;
    /**
     * Share of the long-run rate (at this time of day) that bounds the baseline from below, for all but terms (whose
     * whole long-run rate does): weekends and holidays run lower than the long-run mean, and must still alert.
     */
    private static final double LONG_RUN_FLOOR = 0.7;
    /** Terms more common than this (long-run rate per hour) are not emerging terms. */
    private static final double TERM_MAX_BASELINE_PER_HOUR = 2;
    /** Mention keys remembered to count a redelivered mention once (Kafka delivers at least once). */
    static final int SEEN_KEYS = 100_000;
    /**
     * Mentions held at most while their partition is ahead of the clock; beyond, they are counted at once (their
     * buckets may then be overwritten before the clock reaches them, as before holding existed).
     */
    static final int MAX_HELD = 500_000;

    private final RadarSettings settings;
    private final int bucket;
    private final long maxWindow;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private int termSeries;
    private final Map<Integer, PartitionClock> partitions = new TreeMap<>();
    private long clock = Long.MIN_VALUE;
    private long startSecond = Long.MIN_VALUE;
    private final ArrayDeque<Recent> recent = new ArrayDeque<>();
    private final Map<String, Incident> active = new LinkedHashMap<>();
    private final ArrayDeque<RadarEvent> emitted = new ArrayDeque<>();
    private long observedCount;
    private long latestSecond = Long.MIN_VALUE;
    private long lateCount;
    private long aheadCount;
    private long ignoredTerms;
    private long duplicateCount;
    /** The most recent mention keys, oldest first. */
    private final Set<String> seen = new java.util.LinkedHashSet<>();
    /** Partitions the consumer has not read to their end: they hold the clock back even when they fall silent. */
    private final Set<Integer> behind = new java.util.HashSet<>();
    /**
     * Mentions read ahead of the clock (their partition is ahead of the slowest one), in event-time order: each is
     * counted when the clock reaches its bucket. Counted on arrival, a partition hours ahead (the scorer upstream
     * serves its partitions unevenly under load; 7.6 hours apart in an eval-spikes run of 2026-12-06) would wrap the
     * buckets' ring over the windows and the reference hour still being tested, and put its mentions in the recent
     * list out of order.
     */
    private final java.util.PriorityQueue<Held> held = new java.util.PriorityQueue<>(
            Comparator.comparingLong(Held::second).thenComparingLong(Held::seq));
    private long heldSeq;

    /** A partition's progress: its latest event time, when it last delivered (wall clock), the next offset. */
    private static final class PartitionClock {
        long maxSecond = Long.MIN_VALUE;
        long lastWallMillis;
        long nextOffset = -1;
    }

    /** A recent mention, kept for grouping series into incidents and for backfilling a new incident. */
    record Recent(String key, long second, Series[] series, List<String> terms, String centre, String language,
            String network, String text) {
    }

    /** A mention read ahead of the clock, and its arrival rank (equal seconds keep their arrival order). */
    private record Held(long second, long seq, Observation observation) {
    }

    /** The outcome of testing one series. */
    private record Test(Series series, long windowSeconds, long observed, double expected, double pValue) {
    }

    /** Watchlists first, then terms, topics, scopes; the most significant first; then by key (deterministic). */
    private static final Comparator<Test> TRIGGER_ORDER = Comparator.comparing((Test x) -> x.series().kind)
            .thenComparingDouble(Test::pValue).thenComparing(x -> x.series().key);

    public Radar(RadarSettings settings) {
        this.settings = settings;
        this.bucket = (int) settings.bucket().toSeconds();
        this.maxWindow = settings.windows().get(settings.windows().size() - 1).toSeconds();
    }

    public RadarSettings settings() {
        return settings;
    }

    /**
     * Counts one mention read at {@code offset} of {@code partition}, at the wall time {@code wallMillis}; one stamped
     * more than {@code maxAhead} after the wall time is read past and counted as ahead, and moves no clock.
     */
    public void observe(int partition, long offset, Observation o, long wallMillis) {
        long second = o.at().getEpochSecond();
        PartitionClock pc = partitions.computeIfAbsent(partition, p -> new PartitionClock());
        pc.nextOffset = Math.max(pc.nextOffset, offset + 1);
        if (second > wallMillis / 1000 + settings.maxAhead().toSeconds()) {
            aheadCount++;
            return;
        }
        pc.maxSecond = Math.max(pc.maxSecond, second);
        pc.lastWallMillis = Math.max(pc.lastWallMillis, wallMillis);
        if (clock != Long.MIN_VALUE && second >= clock + bucket && held.size() < MAX_HELD) {
            // only the start of the text is kept once counted (samples), so only that is held
            Observation kept = o.text() == null || o.text().length() <= TEXT_CHARS ? o
                    : new Observation(o.key(), o.at(), clip(o.text()), o.watchlists(), o.topic(), o.centre(),
                            o.language(), o.network(), o.terms());
            held.add(new Held(second, heldSeq++, kept));
            return;
        }
        observe(o);
    }

    /** The start of a text that a recent or held mention keeps (its samples show no more). */
    private static String clip(String text) {
        return text == null || text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS);
    }

    /** Counts the held mentions whose bucket the clock has reached (those before {@code second}). */
    private void release(long second) {
        while (!held.isEmpty() && held.peek().second() < second) {
            observe(held.poll().observation());
        }
    }

    /**
     * The partitions that still have records to read (the consumer's lag): a partition that delivers nothing for
     * a while is idle, and stops holding the clock back, only when it has nothing left to deliver. Without this, a
     * partition starved by a busy consumer would be passed by the clock and its records would come in late.
     */
    public void behind(Set<Integer> lagging) {
        behind.clear();
        behind.addAll(lagging);
    }

    /** Counts one mention (no partition: a single ordered stream, e.g. the tests and an ordered offline replay). */
    public void observe(Observation o) {
        if (!remember(o.key())) {
            duplicateCount++;
            return;
        }
        long second = o.at().getEpochSecond();
        if (startSecond == Long.MIN_VALUE || second < startSecond) {
            startSecond = second;
        }
        observedCount++;
        if (clock != Long.MIN_VALUE && second < clock - settings.maxLateness().toSeconds()) {
            lateCount++;
        }
        List<Series> of = new ArrayList<>(4 + o.terms().size());
        for (String w : o.watchlists()) {
            of.add(seriesOf(SubjectKind.WATCHLIST, w));
        }
        if (o.topic() != null && !o.topic().isBlank() && !"other".equals(o.topic())) {
            of.add(seriesOf(SubjectKind.TOPIC, o.topic()));
            if (o.language() != null && !o.language().isBlank()) {
                of.add(seriesOf(SubjectKind.TOPIC, o.topic() + "|" + o.language()));
            }
        }
        of.add(seriesOf(SubjectKind.SCOPE, scope(o.centre(), o.language(), o.network())));
        for (String t : o.terms()) {
            Series s = seriesOf(SubjectKind.TERM, t);
            if (s != null) {
                of.add(s);
            }
        }
        of.removeIf(java.util.Objects::isNull);
        for (Series s : of) {
            s.add(second);
        }
        latestSecond = Math.max(latestSecond, second);
        Recent r = new Recent(o.key(), second, of.toArray(Series[]::new), o.terms(), o.centre(), o.language(),
                o.network(), clip(o.text()));
        keep(r);
        absorb(r);
    }

    /** Keeps a recent mention, in the radar's list and in its series' own, forgetting the oldest beyond capacity. */
    private void keep(Recent r) {
        recent.addLast(r);
        for (Series s : r.series()) {
            if (s.recent.peekLast() != r) { // a series named twice by one mention counts it once
                s.recent.addLast(r);
            }
        }
        while (recent.size() > settings.recentCapacity()) {
            Recent old = recent.removeFirst();
            for (Series s : old.series()) {
                if (s.recent.peekFirst() == old) {
                    s.recent.removeFirst();
                }
            }
        }
    }

    /** Whether {@code key} is new (then remembered, forgetting the oldest beyond {@link #SEEN_KEYS}). */
    private boolean remember(String key) {
        if (key == null) {
            return true;
        }
        if (!seen.add(key)) {
            return false;
        }
        if (seen.size() > SEEN_KEYS) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void absorb(Recent r) {
        Incident last = null;
        for (Series s : r.series()) {
            Incident i = s.incident;
            if (i != null && i != last && (s == i.primary || s.kind.specific())) {
                i.absorb(r, settings.samples(), settings.maxNewMentions());
                last = i;
            }
        }
    }

    static String scope(String centre, String language, String network) {
        return (centre == null || centre.isBlank() ? "-" : centre) + "|"
                + (language == null || language.isBlank() ? "und" : language) + "|"
                + (network == null || network.isBlank() ? "-" : network);
    }

    private Series seriesOf(SubjectKind kind, String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        String key = kind.id() + ":" + subject;
        Series s = series.get(key);
        if (s == null) {
            if (kind == SubjectKind.TERM && termSeries >= settings.maxTerms()) {
                ignoredTerms++;
                return null;
            }
            s = newSeries(kind, subject);
            series.put(key, s);
        }
        return s;
    }

    private Series newSeries(SubjectKind kind, String subject) {
        int width = kind == SubjectKind.TERM ? (int) settings.termBucket().toSeconds() : bucket;
        long span = settings.reference().toSeconds() + maxWindow + settings.maxLateness().toSeconds();
        int ring = (int) ((span + width - 1) / width) + 1;
        if (kind == SubjectKind.TERM) {
            termSeries++;
        }
        return new Series(kind.id() + ":" + subject, kind, subject, width, ring);
    }

    /**
     * Moves the radar's clock as far as the partitions allow (and, when all are silent and the radar is up to date,
     * to the wall clock), evaluates every bucket boundary passed, and returns the incidents' events in order.
     */
    public List<RadarEvent> advance(long wallMillis) {
        List<RadarEvent> events = new ArrayList<>();
        Long watermark = watermark(wallMillis);
        if (watermark == null) {
            return events;
        }
        long target = Math.floorDiv(watermark, bucket) * bucket;
        if (clock == Long.MIN_VALUE) {
            clock = Math.floorDiv(startSecond, bucket) * bucket;
        }
        while (clock < target) {
            clock += bucket;
            release(clock + bucket);
            step(clock, events);
        }
        return events;
    }

    /** Moves the clock to {@code second} (a single ordered stream: the tests and an ordered offline replay). */
    public List<RadarEvent> advanceTo(long second) {
        List<RadarEvent> events = new ArrayList<>();
        if (startSecond == Long.MIN_VALUE) {
            return events;
        }
        if (clock == Long.MIN_VALUE) {
            clock = Math.floorDiv(startSecond, bucket) * bucket;
        }
        long target = Math.floorDiv(second, bucket) * bucket;
        while (clock < target) {
            clock += bucket;
            step(clock, events);
        }
        return events;
    }

    private Long watermark(long wallMillis) {
        if (partitions.isEmpty()) {
            return null;
        }
        long latestWall = 0;
        for (PartitionClock pc : partitions.values()) {
            latestWall = Math.max(latestWall, pc.lastWallMillis);
        }
        long wallSecond = Math.floorDiv(wallMillis, 1000);
        long latestEvent = Long.MIN_VALUE;
        for (PartitionClock pc : partitions.values()) {
            latestEvent = Math.max(latestEvent, pc.maxSecond);
        }
        // Live (the newest event close to the wall clock), a silent partition has nothing to say; in a replay or a
        // catch-up its records may still be on their way through the scorer, which is not this consumer's lag.
        boolean live = latestEvent >= wallSecond - settings.liveWindow().toSeconds();
        long idle = (live ? settings.idleAfter() : settings.replayIdleAfter()).toMillis();
        long w = Long.MAX_VALUE;
        for (Map.Entry<Integer, PartitionClock> e : partitions.entrySet()) {
            PartitionClock pc = e.getValue();
            if (pc.maxSecond != Long.MIN_VALUE && (pc.lastWallMillis >= latestWall - idle || behind.contains(e.getKey()))) {
                w = Math.min(w, pc.maxSecond);
            }
        }
        if (w == Long.MAX_VALUE) {
            return null;
        }
        if (wallMillis - latestWall > settings.idleAfter().toMillis() && behind.isEmpty()
                && Math.abs(wallSecond - w) <= settings.liveWindow().toSeconds()) {
            w = Math.max(w, wallSecond - bucket);
        }
        return w;
    }

    private void step(long t, List<RadarEvent> events) {
        if (t % 3600 == 0) {
            long h = t / 3600 - 1;
            for (Series s : series.values()) {
                s.foldHour(h);
            }
            prune(t);
        }
        if (t % 600 == 0) {
            for (Series s : series.values()) {
                int blockBuckets = 600 / s.bucketSeconds;
                long e = t / s.bucketSeconds - 1;
                if (s.incident == null && s.age(t) >= settings.reference().toSeconds()) {
                    s.foldDispersion(s.sum(e - blockBuckets + 1, e), expected(s, t, 600, false));
                }
            }
        }
        if (latestSecond < t - maxWindow && active.isEmpty()) {
            return; // no count inside any window, nothing open: an idle stretch of the clock
        }
        List<Test> triggers = new ArrayList<>();
        for (Series s : series.values()) {
            // tested while some of its counts are inside the longest window ending now (a batch may hold counts
            // ahead of the clock: they enter the windows boundary after boundary)
            if (t % s.bucketSeconds != 0) {
                continue;
            }
            if (s.lastSecond < t - maxWindow) {
                s.cusum = 0; // nothing counted for a while: the statistic has long fallen back to 0
                continue;
            }
            if (s.incident == null) {
                Test test = detect(s, t);
                if (test != null) {
                    triggers.add(test);
                }
            }
        }
        triggers.sort(TRIGGER_ORDER);
        for (Test test : triggers) {
            onTrigger(test, t, events);
        }
        for (Iterator<Incident> it = active.values().iterator(); it.hasNext(); ) {
            Incident i = it.next();
            if (update(i, t, events)) {
                it.remove();
            }
        }
    }

    private void prune(long t) {
        for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
            Series s = it.next();
            if (s.kind == SubjectKind.TERM && s.idle(t, TERM_KEEP_SECONDS) && s.longRate * 3600 < 1
                    && (s.lastIncident == null || t - s.lastResolvedSecond > settings.reopenWithin().toSeconds())) {
                it.remove();
                termSeries--;
            }
        }
    }

    private boolean warm(Series s, long t) {
        long warmUp = settings.warmUp().toSeconds();
        if (t - startSecond < warmUp) {
            return false;
        }
        return s.kind == SubjectKind.TERM || s.age(t) >= warmUp;
    }

    private Test detect(Series s, long t) {
        if (!warm(s, t)) {
            return null;
        }
        Test sequential = s.kind == SubjectKind.WATCHLIST ? sequential(s, t) : null;
        if (s.kind == SubjectKind.TERM && s.longRate * 3600 > TERM_MAX_BASELINE_PER_HOUR) {
            // An emerging term rises from (almost) nothing; a common word that rises with its topic's or its
            // language's volume is explained by that surge, which the topic and scope series report.
            return null;
        }
        long e = t / s.bucketSeconds - 1;
        int min = settings.minCount().get(s.kind);
        double ratio = settings.minRatio().get(s.kind);
        double threshold = settings.pValueOf(s.kind, s.subject);
        Test best = null;
        long previous = -1;
        for (var window : settings.windows()) {
            long wb = window.toSeconds() / s.bucketSeconds;
            if (wb < 1 || wb == previous) {
                continue;
            }
            previous = wb;
            long observed = s.sum(e - wb + 1, e);
            if (observed < min) {
                continue;
            }
            long seconds = wb * s.bucketSeconds;
            if (t - seconds < s.detectFrom) {
                continue;
            }
            double expected = expected(s, t, seconds, false);
            if (observed < ratio * expected) {
                continue;
            }
            double p = tail(observed, expected, s.dispersion);
            if (p <= threshold && (best == null || p < best.pValue())) {
                best = new Test(s, seconds, observed, expected, p);
            }
        }
        return best != null ? best : sequential;
    }

    /**
     * The watchlists' sequential test: a CUSUM of the Poisson log-likelihood ratio between the baseline and
     * {@code sequentialRatio} times it, over the bucket that just ended (quasi-likelihood: divided by the series'
     * dispersion). It accumulates evidence over a rise of any length instead of a few fixed windows, which is what
     * catches a burst on a quiet watchlist sooner: on nordos's 2.8 posts a minute a 5-fold step took 70-90 s to
     * clear a window's tail test and 60-70 s with this test (the optimal detector, knowing both rates, 44 s on average;
     * docs/radar.md). A CUSUM is the optimal detector of a change of known size (Lorden 1971, Moustakides 1986); the
     * windows stay for bursts of other sizes.
     *
     * <p>Its threshold is one number per sensitivity: tested at the end of each bucket, a CUSUM's false alarms on a
     * steady baseline hardly grow with the baseline's rate (the counts of a bucket are netted before the test), so
     * one threshold serves quiet and busy watchlists alike.
     */
    private Test sequential(Series s, long t) {
        double k = settings.sequentialRatio();
        int b = s.bucketSeconds;
        if (k <= 1 || t - b < s.detectFrom) {
            s.cusum = 0;
            return null;
        }
        long e = t / b - 1;
        long n = s.sum(e, e);
        double mu = expected(s, t, b, false);
        double phi = s.dispersion;
        double before = s.cusum;
        s.cusum = Math.max(0, before + (n * Math.log(k) - (k - 1) * mu) / phi);
        if (s.cusum == 0) {
            return null;
        }
        if (before == 0) {
            s.cusumFrom = t - b; // the rise begins with this bucket
        }
        if (s.cusum < settings.sequentialThresholdOf(s.subject)) {
            return null;
        }
        // The rise as the window of the incident: it says when the burst started (at least the shortest window, at
        // most the longest).
        long seconds = Math.min(maxWindow, Math.max(t - s.cusumFrom, settings.windows().get(0).toSeconds()));
        long observed = s.sum(e - seconds / b + 1, e);
        double expected = expected(s, t, seconds, false);
        if (observed < settings.minCount().get(s.kind) || observed < settings.minRatio().get(s.kind) * expected) {
            // A slow creep (a baseline a little low for a long while) is no burst: start again from nothing, so that
            // a burst later is not measured against the creep's long window.
            s.cusum = 0;
            return null;
        }
        return new Test(s, seconds, observed, expected, tail(observed, expected, s.dispersion));
    }

    /** P(X >= observed) for a quasi-Poisson count of mean {@code expected} and dispersion {@code phi}. */
    static double tail(double observed, double expected, double phi) {
        if (observed <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaP(observed / phi, Math.max(expected, 1e-6) / phi, 1e-12, 10_000);
    }

    /** What the baseline expects in the {@code windowSeconds} ending at {@code t}. */
    private double expected(Series s, long t, long windowSeconds, boolean frozen) {
        double rate = frozen && s.frozenRate >= 0 ? s.frozenRate : referenceRate(s, t);
        long refEnd = t - maxWindow;
        double mid = t - windowSeconds / 2.0;
        double correction = seasonal(s, t, mid, refEnd - settings.reference().toSeconds() / 2.0);
        // Never below the long-run rate at this time of day: a reference hour that happened to be quiet is noise,
        // not a baseline (sparse series such as terms would otherwise alarm on their next ordinary hour).
        double floor = longRun(s, t, mid) * (s.kind == SubjectKind.TERM ? 1 : LONG_RUN_FLOOR);
        return Math.max(rate * correction, floor) * windowSeconds;
    }

    /** The long-run rate shaped by the daily rhythm at {@code second} (the plain long-run rate before a day). */
    private double longRun(Series s, long now, double second) {
        if (s.longRate < 0) {
            return 0;
        }
        long days = Math.min(7, s.age(now) / 86_400);
        if (days < 1) {
            return s.longRate;
        }
        long today = Math.floorDiv(now, 3600);
        double total = 0;
        for (long h = today - 24 * days; h < today; h++) {
            total += s.hour(h);
        }
        if (total < 10 * days) {
            return s.longRate;
        }
        double meanHour = total / (24.0 * days) + 0.5;
        double factor = Math.max(0.25, Math.min(4, profile(s, second, days)[0] / meanHour));
        return s.longRate * factor;
    }

    /** Mentions per second over the reference window, shrunk towards the long-run rate, never below the floor. */
    private double referenceRate(Series s, long t) {
        long refEnd = t - maxWindow;
        long refStart = refEnd - settings.reference().toSeconds();
        long seen = Math.max(0, refEnd - Math.max(refStart, s.firstSecond));
        long count = seen == 0 ? 0
                : s.sum(Math.floorDiv(refStart, s.bucketSeconds), Math.floorDiv(refEnd, s.bucketSeconds) - 1);
        double floor = settings.floorPerHour().get(s.kind) / 3600.0;
        double prior = s.longRate >= 0 ? Math.max(s.longRate, floor) : floor;
        double weight = settings.priorWeight().toSeconds();
        return Math.max(floor, (count + prior * weight) / (seen + weight));
    }

    /**
     * The daily rhythm's ratio between the window's and the reference's times of day, from the previous days (up to
     * seven) of this series; 1 with less than a day of history. Clipped to [0.5, 2].
     */
    private double seasonal(Series s, long now, double windowMid, double refMid) {
        long days = Math.min(7, s.age(now) / 86_400);
        if (days < 1) {
            return 1;
        }
        double[] w = profile(s, windowMid, days);
        double[] r = profile(s, refMid, days);
        if (w[1] + r[1] < 10 * days) {
            return 1;
        }
        return Math.max(0.5, Math.min(2, w[0] / r[0]));
    }

    /** Mean hourly count at this time of day over the previous days (interpolated between hours), and the total. */
    private static double[] profile(Series s, double second, long days) {
        double hf = second / 3600.0 - 0.5;
        long h0 = (long) Math.floor(hf);
        double f = hf - h0;
        double v0 = 0;
        double v1 = 0;
        for (long d = 1; d <= days; d++) {
            v0 += s.hour(h0 - 24 * d);
            v1 += s.hour(h0 + 1 - 24 * d);
        }
        double mean = ((1 - f) * v0 + f * v1) / days + 0.5;
        return new double[] {mean, v0 + v1};
    }

    private void onTrigger(Test test, long t, List<RadarEvent> events) {
        Series s = test.series();
        if (s.incident != null) {
            return;
        }
        Incident target = null;
        double best = settings.mergeOverlap();
        for (Incident i : active.values()) {
            // over the time both surge: the window, but not before the incident started
            double overlap = overlap(s, i, Math.max(t - test.windowSeconds(), i.startedSecond));
            if (overlap >= best) {
                best = overlap;
                target = i;
            }
        }
        if (target != null) {
            join(s, target, t);
            boolean moreSpecific = s.kind.compareTo(target.primary.kind) < 0;
            boolean watchlist = s.kind == SubjectKind.WATCHLIST;
            if (moreSpecific || watchlist && target.primary.kind == SubjectKind.WATCHLIST
                    && test.pValue() < target.pValue) {
                // A more specific subject surges with the incident's mentions (a watchlist in a scope's surge), or a
                // watchlist surges harder than the one the incident is about (a product line's burst within the
                // brand's): it becomes the incident's subject.
                target.primary = s;
                target.windowSeconds = test.windowSeconds();
                target.observed = test.observed();
                target.expected = test.expected();
                target.pValue = test.pValue();
            }
            if (moreSpecific || watchlist) {
                // News at once: a new subject, or another watchlist surging (what someone asked to be told).
                target.raiseSeverity(test.observed(), test.expected());
                target.status = RadarEvent.GROWING;
                emit(target, RadarEvent.GROWING, t, events);
            }
            // Otherwise joining is news for the next event, not an event of its own (a burst's ordinary words join).
            // A topic that surges is news for the room (this incident is a technical-support surge): that next event
            // comes within updateEvery instead of waiting for the incident to grow or resolve.
            if (s.kind == SubjectKind.TOPIC) {
                target.dirty = true;
            }
            return;
        }
        Incident i = s.lastIncident;
        boolean reopen = i != null && i.resolved() && !i.suppressed
                && t - s.lastResolvedSecond <= settings.reopenWithin().toSeconds();
        if (!reopen) {
            long start = t - test.windowSeconds();
            for (Recent r : s.recent) {
                if (r.second() >= start) {
                    start = r.second();
                    break;
                }
            }
            i = new Incident(incidentId(s, start), s);
            i.startedSecond = start;
        }
        i.windowSeconds = test.windowSeconds();
        i.observed = test.observed();
        i.expected = test.expected();
        i.pValue = test.pValue();
        i.quietSince = -1;
        i.raiseSeverity(test.observed(), test.expected());
        join(s, i, t);
        for (Recent r : s.recent) {
            if (r.second() >= t - test.windowSeconds()) {
                i.absorb(r, settings.samples(), settings.maxNewMentions());
            }
        }
        active.put(i.id, i);
        if (reopen) {
            i.status = RadarEvent.GROWING;
        }
        emit(i, reopen ? RadarEvent.GROWING : RadarEvent.OPEN, t, events);
    }

    private void join(Series s, Incident i, long t) {
        s.incident = i;
        s.cusum = 0;
        s.frozenRate = referenceRate(s, t);
        s.frozenAt = t;
        i.members.add(s);
    }

    /** Share of the series' mentions since {@code from} that already belong to the incident. */
    private double overlap(Series s, Incident i, long from) {
        int mine = 0;
        int shared = 0;
        for (Iterator<Recent> it = s.recent.descendingIterator(); it.hasNext(); ) {
            Recent r = it.next();
            if (r.second() < from) {
                break;
            }
            mine++;
            for (Series x : r.series()) {
                if (x.incident == i && (x == i.primary || x.kind.specific())) {
                    shared++;
                    break;
                }
            }
        }
        return mine == 0 ? 0 : (double) shared / mine;
    }

    /** Re-tests an open incident's subject: grows, stays, or resolves (true: it left the active set). */
    private boolean update(Incident i, long t, List<RadarEvent> events) {
        Series s = i.primary;
        long wb = i.windowSeconds / s.bucketSeconds;
        long e = Math.floorDiv(t, s.bucketSeconds) - 1;
        long observed = s.sum(e - wb + 1, e);
        boolean frozen = t - s.frozenAt <= settings.maxFrozen().toSeconds();
        double expected = expected(s, t, i.windowSeconds, frozen);
        double p = tail(observed, expected, s.dispersion);
        boolean quiet = observed < settings.minCount().get(s.kind) || observed <= 1.2 * expected || p > 1e-3;
        if (!quiet) {
            i.quietSince = -1;
            i.observed = observed;
            i.expected = expected;
            i.pValue = p;
            i.raiseSeverity(observed, expected);
            if (observed >= settings.growFactor() * i.reportedObserved) {
                i.dirty = true;
            }
        } else if (i.quietSince < 0) {
            i.quietSince = t;
        } else if (t - i.quietSince >= settings.resolveAfter().toSeconds()) {
            i.status = RadarEvent.RESOLVED;
            i.observed = observed;
            i.expected = expected;
            i.pValue = p;
            for (Series m : i.members) {
                m.incident = null;
                m.frozenRate = -1;
                m.lastIncident = i.suppressed ? null : i;
                m.lastResolvedSecond = t;
                m.detectFrom = i.quietSince;
            }
            emit(i, RadarEvent.RESOLVED, t, events);
            return true;
        }
        if (i.dirty && t - i.lastEventSecond >= settings.updateEvery().toSeconds()) {
            i.status = RadarEvent.GROWING;
            emit(i, RadarEvent.GROWING, t, events);
        }
        return false;
    }

    private void emit(Incident i, String status, long t, List<RadarEvent> events) {
        i.dirty = false;
        i.lastEventSecond = t;
        i.reportedObserved = Math.max(i.reportedObserved, i.observed);
        List<RadarEvent.Sample> fresh = List.copyOf(i.pending);
        i.pending.clear();
        if (i.suppressed) {
            return;
        }
        i.seq++;
        String centre;
        String language;
        String network;
        if (i.primary.kind == SubjectKind.SCOPE) {
            String[] parts = i.primary.subject.split("\\|", 3);
            centre = "-".equals(parts[0]) ? null : parts[0];
            language = "und".equals(parts[1]) ? null : parts[1];
            network = "-".equals(parts[2]) ? null : parts[2];
        } else {
            centre = i.dominant(i.centres);
            language = i.dominant(i.languages);
            network = i.dominant(i.networks);
        }
        RadarEvent event = new RadarEvent(i.id, i.seq, status, i.primary.kind, i.primary.subject, centre, language,
                network, Instant.ofEpochSecond(i.startedSecond), Instant.ofEpochSecond(t), i.windowSeconds, i.observed,
                i.expected, i.pValue, i.severity, topTerms(i, t), i.samples(), i.related(), i.mentions, fresh);
        events.add(event);
        emitted.addLast(event);
        while (emitted.size() > RECENT_EVENTS) {
            emitted.removeFirst();
        }
    }

    /** The incident's terms by count, weighted down by how common each term is anyway. */
    private List<String> topTerms(Incident i, long t) {
        double duration = Math.max(600, t - i.startedSecond);
        String own = i.primary.kind == SubjectKind.TERM ? i.primary.subject : null;
        record Scored(String term, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> e : i.terms.entrySet()) {
            if (e.getKey().equals(own)) {
                continue;
            }
            Series ts = series.get(SubjectKind.TERM.id() + ":" + e.getKey());
            double base = ts == null || ts.longRate < 0 ? 0 : ts.longRate * duration;
            double c = e.getValue();
            if (c < 2) {
                continue;
            }
            scored.add(new Scored(e.getKey(), c * c / (c + base + 1)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::term));
        return scored.stream().limit(settings.topTerms()).map(Scored::term).toList();
    }

    private static String incidentId(Series s, long start) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((s.key + "|" + start).getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops reporting an incident a supervisor closed; it is still tracked until it resolves, silently. */
    public boolean suppress(String incidentId) {
        Incident i = active.get(incidentId);
        if (i == null || i.suppressed) {
            return false;
        }
        i.suppressed = true;
        return true;
    }

    /** Ids of the incidents not resolved yet. */
    public List<String> activeIncidents() {
        return List.copyOf(active.keySet());
    }

    /**
     * The last events emitted (at most 500, oldest first), again: an instance that becomes the leader stores them,
     * since it did not while it was a standby (storing is idempotent per incident and sequence number).
     */
    public List<RadarEvent> recentEvents() {
        return List.copyOf(emitted);
    }

    /** The radar's clock (event time), or null before the first mention. */
    public Instant clock() {
        return clock == Long.MIN_VALUE ? null : Instant.ofEpochSecond(clock);
    }

    /** The next offset to read per partition. */
    public Map<Integer, Long> offsets() {
        Map<Integer, Long> out = new TreeMap<>();
        partitions.forEach((p, c) -> {
            if (c.nextOffset >= 0) {
                out.put(p, c.nextOffset);
            }
        });
        return out;
    }

    /**
     * Counters: mentions observed, late ones, ones stamped too far ahead (since start), terms ignored (too many term
     * series), series tracked, active incidents.
     */
    public Map<String, Long> counters() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("observed", observedCount);
        m.put("late", lateCount);
        m.put("ahead", aheadCount);
        m.put("duplicates", duplicateCount);
        m.put("ignored_terms", ignoredTerms);
        m.put("series", (long) series.size());
        m.put("term_series", (long) termSeries);
        m.put("active_incidents", (long) active.size());
        m.put("held", (long) held.size());
        return m;
    }

    /** Writes the whole state. */
    public void write(DataOutput out) throws IOException {
        write(out, SNAPSHOT_VERSION);
    }

    /**
     * Writes the whole state in the format of {@code version}, one this radar reads (an older one leaves out what it
     * did not have: what a radar still on that version would read during a rolling upgrade).
     */
    void write(DataOutput out, int version) throws IOException {
        if (version < OLDEST_READABLE_VERSION || version > SNAPSHOT_VERSION) {
            throw new IllegalArgumentException("radar snapshot version " + version + ": this radar writes "
                    + OLDEST_READABLE_VERSION + " to " + SNAPSHOT_VERSION);
        }
        out.writeInt(version);
        out.writeLong(clock);
        out.writeLong(startSecond);
        out.writeLong(observedCount);
        out.writeLong(lateCount);
        out.writeLong(ignoredTerms);
        out.writeLong(latestSecond);
        out.writeInt(partitions.size());
        for (Map.Entry<Integer, PartitionClock> e : partitions.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue().maxSecond);
            out.writeLong(e.getValue().lastWallMillis);
            out.writeLong(e.getValue().nextOffset);
        }
        List<Series> list = new ArrayList<>(series.values());
        Map<Series, Integer> index = new IdentityHashMap<>();
        for (int k = 0; k < list.size(); k++) {
            index.put(list.get(k), k);
        }
        // Pruned term series that recent mentions or incidents still point to are written too (read back, they
        // are pruned again at the next hour).
        List<Series> referenced = new ArrayList<>();
        for (Recent r : recent) {
            referenced.addAll(java.util.Arrays.asList(r.series()));
        }
        // Each incident once: every member series points to its incident, so adding the members at each of them
        // grew with the square of an incident's size (1.3 GB of arrays in a bench run's snapshots, under the lock).
        Set<Incident> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Series s : list) {
            for (Incident i : new Incident[] {s.incident, s.lastIncident}) {
                if (i != null && visited.add(i)) {
                    referenced.add(i.primary);
                    referenced.addAll(i.members);
                }
            }
        }
        for (Series s : referenced) {
            if (!index.containsKey(s)) {
                index.put(s, list.size());
                list.add(s);
            }
        }
        out.writeInt(list.size());
        for (Series s : list) {
            out.writeUTF(s.kind.id());
            out.writeUTF(s.subject);
            s.write(out, version >= 6);
        }
        List<Incident> incidents = new ArrayList<>();
        Map<Incident, Integer> incidentIndex = new IdentityHashMap<>();
        for (Series s : list) {
            for (Incident i : new Incident[] {s.incident, s.lastIncident}) {
                if (i != null && !incidentIndex.containsKey(i)) {
                    incidentIndex.put(i, incidents.size());
                    incidents.add(i);
                }
            }
        }
        out.writeInt(incidents.size());
        for (Incident i : incidents) {
            i.write(out, index::get);
            out.writeBoolean(active.containsKey(i.id) && active.get(i.id) == i);
        }
        for (Series s : list) {
            out.writeInt(s.incident == null ? -1 : incidentIndex.get(s.incident));
            out.writeInt(s.lastIncident == null ? -1 : incidentIndex.get(s.lastIncident));
        }
        out.writeInt(recent.size());
        for (Recent r : recent) {
            out.writeUTF(r.key());
            out.writeLong(r.second());
            out.writeInt(r.series().length);
            for (Series s : r.series()) {
                out.writeInt(index.get(s));
            }
            out.writeInt(r.terms().size());
            for (String t : r.terms()) {
                out.writeUTF(t);
            }
            writeNullable(out, r.centre());
            writeNullable(out, r.language());
            writeNullable(out, r.network());
            writeNullable(out, r.text());
        }
        // the mentions held ahead of the clock: their offsets are behind the partitions' next offsets
        out.writeLong(heldSeq);
        out.writeInt(held.size());
        for (Held h : held) {
            Observation o = h.observation();
            out.writeLong(h.seq());
            writeNullable(out, o.key());
            out.writeLong(o.at().getEpochSecond());
            writeNullable(out, o.text());
            writeStrings(out, o.watchlists());
            writeNullable(out, o.topic());
            writeNullable(out, o.centre());
            writeNullable(out, o.language());
            writeNullable(out, o.network());
            writeStrings(out, o.terms());
        }
    }

    private static void writeStrings(DataOutput out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readStrings(DataInput in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            values.add(in.readUTF());
        }
        return List.copyOf(values);
    }

    /** Reads a state written by {@link #write}, for these settings. */
    public static Radar read(DataInput in, RadarSettings settings) throws IOException {
        int version = in.readInt();
        if (version < OLDEST_READABLE_VERSION || version > SNAPSHOT_VERSION) {
            throw new IOException("radar snapshot version " + version + ", this radar reads " + OLDEST_READABLE_VERSION
                    + " to " + SNAPSHOT_VERSION);
        }
        Radar radar = new Radar(settings);
        radar.clock = in.readLong();
        radar.startSecond = in.readLong();
        radar.observedCount = in.readLong();
        radar.lateCount = in.readLong();
        radar.ignoredTerms = in.readLong();
        radar.latestSecond = in.readLong();
        int np = in.readInt();
        for (int k = 0; k < np; k++) {
            PartitionClock pc = new PartitionClock();
            int p = in.readInt();
            pc.maxSecond = in.readLong();
            pc.lastWallMillis = in.readLong();
            pc.nextOffset = in.readLong();
            radar.partitions.put(p, pc);
        }
        int ns = in.readInt();
        List<Series> list = new ArrayList<>(ns);
        for (int k = 0; k < ns; k++) {
            SubjectKind kind = SubjectKind.of(in.readUTF());
            String subject = in.readUTF();
            Series s = radar.newSeries(kind, subject);
            String key = in.readUTF();
            if (!key.equals(s.key)) {
                throw new IOException("radar snapshot: series " + key + " read as " + s.key);
            }
            s.read(in, version >= 6);
            radar.series.putIfAbsent(s.key, s);
            list.add(s);
        }
        int ni = in.readInt();
        List<Incident> incidents = new ArrayList<>(ni);
        for (int k = 0; k < ni; k++) {
            Incident i = Incident.read(in, list);
            incidents.add(i);
            if (in.readBoolean()) {
                radar.active.put(i.id, i);
            }
        }
        for (Series s : list) {
            int a = in.readInt();
            int b = in.readInt();
            s.incident = a < 0 ? null : incidents.get(a);
            s.lastIncident = b < 0 ? null : incidents.get(b);
        }
        int nr = in.readInt();
        for (int k = 0; k < nr; k++) {
            String key = in.readUTF();
            long second = in.readLong();
            int n = in.readInt();
            Series[] of = new Series[n];
            for (int j = 0; j < n; j++) {
                of[j] = list.get(in.readInt());
            }
            int nt = in.readInt();
            List<String> terms = new ArrayList<>(nt);
            for (int j = 0; j < nt; j++) {
                terms.add(in.readUTF());
            }
            radar.keep(new Recent(key, second, of, List.copyOf(terms), readNullable(in), readNullable(in),
                    readNullable(in), readNullable(in)));
            radar.remember(key);
        }
        radar.heldSeq = in.readLong();
        int nh = in.readInt();
        for (int k = 0; k < nh; k++) {
            long seq = in.readLong();
            String key = readNullable(in);
            long second = in.readLong();
            Observation o = new Observation(key, Instant.ofEpochSecond(second), readNullable(in), readStrings(in),
                    readNullable(in), readNullable(in), readNullable(in), readNullable(in), readStrings(in));
            radar.held.add(new Held(second, seq, o));
        }
        return radar;
    }

    static void writeNullable(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** For tests: how the state compares (series counts), without exposing internals. */
    Map<String, Long> seriesTotals() {
        Map<String, Long> m = new HashMap<>();
        for (Series s : series.values()) {
            m.put(s.key, s.sum(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
        }
        return m;
    }
}
