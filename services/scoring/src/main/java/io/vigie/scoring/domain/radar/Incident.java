package io.vigie.scoring.domain.radar;

import io.vigie.scoring.domain.radar.RadarEvent.Sample;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One spike being tracked: its subject series, the series that surged with the same mentions, the mentions it
 * grouped (counts, terms, samples) and where it stands in its life (open, growing, resolved).
 */
final class Incident {

    private static final int MAX_TERMS = 2_000;

    final String id;
    Series primary;
    final Set<Series> members = new LinkedHashSet<>();
    long startedSecond;
    long windowSeconds;
    String status = RadarEvent.OPEN;
    int seq;
    double observed;
    double expected;
    double pValue;
    double reportedObserved;
    String severity = "low";
    long lastEventSecond = Long.MIN_VALUE;
    long quietSince = -1;
    long mentions;
    boolean dirty;
    boolean suppressed;
    final Map<String, Integer> centres = new HashMap<>();
    final Map<String, Integer> languages = new HashMap<>();
    final Map<String, Integer> networks = new HashMap<>();
    final Map<String, Integer> terms = new HashMap<>();
    final List<Sample> first = new ArrayList<>();
    final Deque<Sample> latest = new ArrayDeque<>();
    final List<Sample> pending = new ArrayList<>();
    private final Set<String> absorbedRecently = new LinkedHashSet<>();

    Incident(String id, Series primary) {
        this.id = id;
        this.primary = primary;
    }

    boolean resolved() {
        return RadarEvent.RESOLVED.equals(status);
    }

    /** Groups a mention into the incident (once). */
    void absorb(Radar.Recent r, int sampleCount, int maxPending) {
        if (!absorbedRecently.add(r.key())) {
            return;
        }
        if (absorbedRecently.size() > 4 * maxPending) {
            var it = absorbedRecently.iterator();
            it.next();
            it.remove();
        }
        mentions++;
        count(centres, r.centre());
        count(languages, r.language());
        count(networks, r.network());
        for (String t : r.terms()) {
            if (terms.size() < MAX_TERMS || terms.containsKey(t)) {
                terms.merge(t, 1, Integer::sum);
            }
        }
        Sample s = new Sample(r.key(), Instant.ofEpochSecond(r.second()), r.text(), r.language(), r.network());
        int firstCount = Math.max(1, sampleCount - 2);
        if (first.size() < firstCount) {
            first.add(s);
        } else {
            latest.addLast(s);
            while (latest.size() > sampleCount - firstCount) {
                latest.removeFirst();
            }
        }
        if (pending.size() < maxPending) {
            pending.add(s);
        }
    }

    private static void count(Map<String, Integer> m, String v) {
        if (v != null) {
            m.merge(v, 1, Integer::sum);
        }
    }

    /** The value holding at least 60 % of the mentions, if any. */
    String dominant(Map<String, Integer> m) {
        if (mentions < 3) {
            return null;
        }
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            if (e.getValue() >= 0.6 * mentions) {
                return e.getKey();
            }
        }
        return null;
    }

    List<Sample> samples() {
        List<Sample> out = new ArrayList<>(first);
        out.addAll(latest);
        return out;
    }

    /**
     * Related subjects, as {@code kind:subject}, watchlists first, then terms, topics and scopes, at most 12, each once
     * and never the incident's own subject. Compared by name, not by series: a term pruned while idle and counted
     * again later is a new series of the same subject, and the incident may hold both (eval run 7 listed an
     * incident's subject among its related ones).
     */
    List<String> related() {
        String own = primary.kind.id() + ":" + primary.subject;
        Set<String> out = new LinkedHashSet<>();
        for (SubjectKind kind : SubjectKind.values()) {
            for (Series s : members) {
                String name = s.kind.id() + ":" + s.subject;
                if (s.kind == kind && out.size() < 12 && !name.equals(own)) {
                    out.add(name);
                }
            }
        }
        return List.copyOf(out);
    }

    static String severityOf(double observed, double expected) {
        double ratio = observed / Math.max(expected, 1e-9);
        double excess = observed - expected;
        if (ratio >= 10 && excess >= 50) {
            return "critical";
        }
        if (ratio >= 5 && excess >= 20) {
            return "high";
        }
        if (ratio >= 3 && excess >= 10) {
            return "medium";
        }
        return "low";
    }

    static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 3;
            case "high" -> 2;
            case "medium" -> 1;
            default -> 0;
        };
    }

    void raiseSeverity(double observed, double expected) {
        String s = severityOf(observed, expected);
        if (rank(s) > rank(severity)) {
            severity = s;
            dirty = true;
        }
    }

    void write(DataOutput out, Function<Series, Integer> seriesIndex) throws IOException {
        out.writeUTF(id);
        out.writeInt(seriesIndex.apply(primary));
        out.writeInt(members.size());
        for (Series s : members) {
            out.writeInt(seriesIndex.apply(s));
        }
        out.writeLong(startedSecond);
        out.writeLong(windowSeconds);
        out.writeUTF(status);
        out.writeInt(seq);
        out.writeDouble(observed);
        out.writeDouble(expected);
        out.writeDouble(pValue);
        out.writeDouble(reportedObserved);
        out.writeUTF(severity);
        out.writeLong(lastEventSecond);
        out.writeLong(quietSince);
        out.writeLong(mentions);
        out.writeBoolean(dirty);
        out.writeBoolean(suppressed);
        writeCounts(out, centres);
        writeCounts(out, languages);
        writeCounts(out, networks);
        writeCounts(out, terms);
        writeSamples(out, first);
        writeSamples(out, latest);
        writeSamples(out, pending);
        out.writeInt(absorbedRecently.size());
        for (String k : absorbedRecently) {
            out.writeUTF(k);
        }
    }

    static Incident read(DataInput in, List<Series> series) throws IOException {
        String id = in.readUTF();
        Incident i = new Incident(id, series.get(in.readInt()));
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            i.members.add(series.get(in.readInt()));
        }
        i.startedSecond = in.readLong();
        i.windowSeconds = in.readLong();
        i.status = in.readUTF();
        i.seq = in.readInt();
        i.observed = in.readDouble();
        i.expected = in.readDouble();
        i.pValue = in.readDouble();
        i.reportedObserved = in.readDouble();
        i.severity = in.readUTF();
        i.lastEventSecond = in.readLong();
        i.quietSince = in.readLong();
        i.mentions = in.readLong();
        i.dirty = in.readBoolean();
        i.suppressed = in.readBoolean();
        readCounts(in, i.centres);
        readCounts(in, i.languages);
        readCounts(in, i.networks);
        readCounts(in, i.terms);
        readSamples(in, i.first);
        readSamples(in, i.latest);
        readSamples(in, i.pending);
        int a = in.readInt();
        for (int k = 0; k < a; k++) {
            i.absorbedRecently.add(in.readUTF());
        }
        return i;
    }

    private static void writeCounts(DataOutput out, Map<String, Integer> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static void readCounts(DataInput in, Map<String, Integer> m) throws IOException {
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            m.put(in.readUTF(), in.readInt());
        }
    }

    private static void writeSamples(DataOutput out, Collection<Sample> samples) throws IOException {
        out.writeInt(samples.size());
        for (Sample s : samples) {
            out.writeUTF(s.key());
            out.writeLong(s.at().getEpochSecond());
            Radar.writeNullable(out, s.text());
            Radar.writeNullable(out, s.language());
            Radar.writeNullable(out, s.network());
        }
    }

    private static void readSamples(DataInput in, Collection<Sample> samples) throws IOException {
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            samples.add(new Sample(in.readUTF(), Instant.ofEpochSecond(in.readLong()), Radar.readNullable(in),
                    Radar.readNullable(in), Radar.readNullable(in)));
        }
    }
}
