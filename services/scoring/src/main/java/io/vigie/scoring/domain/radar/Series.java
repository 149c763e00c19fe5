package io.vigie.scoring.domain.radar;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The counts of one subject: recent buckets (a ring long enough for the windows, the reference and late mentions),
 * hourly counts of the last eight days (the daily rhythm), a long-run rate and a dispersion estimate, and the link to
 * the incident it belongs to while it surges.
 */
final class Series {

    static final int HOURS = 24 * 8;
    private static final double LONG_RATE_KEEP = Math.exp(-1.0 / 24);
    private static final double DISPERSION_KEEP = 0.95;

    final String key;
    final SubjectKind kind;
    final String subject;
    final int bucketSeconds;
    private final int[] ring;
    private long head = Long.MIN_VALUE;
    private final int[] hourly = new int[HOURS];
    private long hourHead = Long.MIN_VALUE;
    long firstSecond = Long.MIN_VALUE;
    double longRate = -1;
    double dispersion = 1;
    /** Latest event second counted: the series is tested while its counts are inside the longest window. */
    long lastSecond = Long.MIN_VALUE;

    /**
     * The radar's recent mentions that count in this series, in the radar's order (an index of {@code Radar.recent}:
     * grouping reads a series' own mentions instead of scanning every recent one for it).
     */
    final java.util.ArrayDeque<Radar.Recent> recent = new java.util.ArrayDeque<>();
    Incident incident;
    double frozenRate = -1;
    long frozenAt;
    Incident lastIncident;
    long lastResolvedSecond = Long.MIN_VALUE;
    /** Windows that start before this second are not tested: they hold the tail of a resolved incident. */
    long detectFrom = Long.MIN_VALUE;
    /** The sequential test's statistic (a CUSUM of log-likelihood ratios, watchlists only; 0 when nothing rises). */
    double cusum;
    /** Where the CUSUM's current rise began (the start of the first bucket that took it above 0). */
    long cusumFrom = Long.MIN_VALUE;

    Series(String key, SubjectKind kind, String subject, int bucketSeconds, int ringBuckets) {
        this.key = key;
        this.kind = kind;
        this.subject = subject;
        this.bucketSeconds = bucketSeconds;
        this.ring = new int[ringBuckets];
    }

    /** Counts one mention at an epoch second; false when it is too late for the ring (it still counts hourly). */
    boolean add(long second) {
        if (firstSecond == Long.MIN_VALUE || second < firstSecond) {
            firstSecond = second;
        }
        addHourly(Math.floorDiv(second, 3600));
        lastSecond = Math.max(lastSecond, second);
        long b = Math.floorDiv(second, bucketSeconds);
        if (head == Long.MIN_VALUE) {
            head = b;
        } else if (b > head) {
            long steps = Math.min(b - head, ring.length);
            for (long i = 1; i <= steps; i++) {
                ring[(int) Math.floorMod(head + i, ring.length)] = 0;
            }
            head = b;
        } else if (b <= head - ring.length) {
            return false;
        }
        ring[(int) Math.floorMod(b, ring.length)]++;
        return true;
    }

    private void addHourly(long h) {
        if (hourHead == Long.MIN_VALUE) {
            hourHead = h;
        } else if (h > hourHead) {
            long steps = Math.min(h - hourHead, HOURS);
            for (long i = 1; i <= steps; i++) {
                hourly[(int) Math.floorMod(hourHead + i, HOURS)] = 0;
            }
            hourHead = h;
        } else if (h <= hourHead - HOURS) {
            return;
        }
        hourly[(int) Math.floorMod(h, HOURS)]++;
    }

    /** Mentions in the buckets from {@code from} to {@code to} (bucket indexes, inclusive). */
    long sum(long from, long to) {
        if (head == Long.MIN_VALUE) {
            return 0;
        }
        long lo = Math.max(from, head - ring.length + 1);
        long hi = Math.min(to, head);
        long n = 0;
        for (long b = lo; b <= hi; b++) {
            n += ring[(int) Math.floorMod(b, ring.length)];
        }
        return n;
    }

    /** Mentions in one hour (epoch hour index), 0 when outside the eight days kept. */
    int hour(long h) {
        if (hourHead == Long.MIN_VALUE || h > hourHead || h <= hourHead - HOURS) {
            return 0;
        }
        return hourly[(int) Math.floorMod(h, HOURS)];
    }

    /** Seconds of history before {@code second}. */
    long age(long second) {
        return firstSecond == Long.MIN_VALUE ? 0 : Math.max(0, second - firstSecond);
    }

    /** Whether nothing is left in the ring and the hourly counts are negligible (a term to forget). */
    boolean idle(long nowSecond, long keepSeconds) {
        return incident == null && (head == Long.MIN_VALUE || head * bucketSeconds < nowSecond - keepSeconds);
    }

    /** Folds a completed hour into the long-run rate (not while surging: a spike is not the baseline). */
    void foldHour(long h) {
        if (incident != null || firstSecond == Long.MIN_VALUE || (h + 1) * 3600 <= firstSecond) {
            return;
        }
        double rate = hour(h) / 3600.0;
        if (h * 3600 < firstSecond) {
            // a partial first hour: its rate over the part observed
            long seen = (h + 1) * 3600 - firstSecond;
            rate = hour(h) / (double) Math.max(seen, 600);
        }
        longRate = longRate < 0 ? rate : LONG_RATE_KEEP * longRate + (1 - LONG_RATE_KEEP) * rate;
    }

    /** Updates the dispersion from one block's count and what the baseline expected of it. */
    void foldDispersion(long observed, double expected) {
        if (incident != null || expected < 1) {
            return;
        }
        // Clipped at 4 (a two-sigma block): a surge must not inflate the dispersion that would mask it.
        double r2 = Math.min(4, (observed - expected) * (observed - expected) / expected);
        dispersion = Math.max(1, Math.min(4, DISPERSION_KEEP * dispersion + (1 - DISPERSION_KEEP) * r2));
    }

    /** Writes the series; without {@code withCusum}, as a version 5 snapshot did (no sequential test). */
    void write(DataOutput out, boolean withCusum) throws IOException {
        out.writeUTF(key);
        out.writeInt(ring.length);
        out.writeLong(head);
        for (int v : ring) {
            out.writeInt(v);
        }
        out.writeLong(hourHead);
        for (int v : hourly) {
            out.writeInt(v);
        }
        out.writeLong(firstSecond);
        out.writeDouble(longRate);
        out.writeDouble(dispersion);
        out.writeLong(lastSecond);
        out.writeDouble(frozenRate);
        out.writeLong(frozenAt);
        out.writeLong(lastResolvedSecond);
        out.writeLong(detectFrom);
        if (withCusum) {
            out.writeDouble(cusum);
            out.writeLong(cusumFrom);
        }
    }

    /** Reads what {@link #write} wrote; a snapshot older than {@code withCusum} has no sequential test (it starts at 0). */
    void read(DataInput in, boolean withCusum) throws IOException {
        int n = in.readInt();
        if (n != ring.length) {
            throw new IOException("series " + key + ": ring of " + n + " buckets, expected " + ring.length);
        }
        head = in.readLong();
        for (int i = 0; i < n; i++) {
            ring[i] = in.readInt();
        }
        hourHead = in.readLong();
        for (int i = 0; i < HOURS; i++) {
            hourly[i] = in.readInt();
        }
        firstSecond = in.readLong();
        longRate = in.readDouble();
        dispersion = in.readDouble();
        lastSecond = in.readLong();
        frozenRate = in.readDouble();
        frozenAt = in.readLong();
        lastResolvedSecond = in.readLong();
        detectFrom = in.readLong();
        if (withCusum) {
            cusum = in.readDouble();
            cusumFrom = in.readLong();
        }
    }
}
