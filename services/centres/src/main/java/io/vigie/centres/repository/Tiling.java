package io.vigie.centres.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A period [from, to) tiled by the coarsest stored rows that cover it exactly (ADR 0121): minute buckets from
 * {@code from} to the first whole hour and from the last whole hour to {@code to}, hour buckets from there to the first
 * and from the last whole UTC day, whole days in between. For terms, the whole days are further read as spans of 64,
 * 32, 16, 8, 4 and 2 days (term_span; the spaces' histograms: 64, 16 and 4), each starting on a day number its length
 * divides, and single days (term_day) where no span fits; the whole hours likewise as spans of 12 and 4 hours
 * (term_hour_span) and single hours (term_bucket). Bounds must be whole minutes; a period with no whole hour is all
 * minutes, one with no whole day has no days.
 *
 * @param from      start of the period
 * @param firstHour first whole hour (end of the leading minutes)
 * @param firstDay  first whole day (end of the leading hours)
 * @param endDay    end of the whole days
 * @param endHour   end of the whole hours (start of the trailing minutes)
 * @param to        end of the period
 */
public record Tiling(Instant from, Instant firstHour, Instant firstDay, Instant endDay, Instant endHour, Instant to) {

    /** Span lengths of term_span, in days, longest first (migrations V14 and V21). */
    public static final int[] TERM_SPANS = { 64, 32, 16, 8, 4, 2 };
    /** Span lengths of the spaces' first-response histograms, in days, longest first (migration V19). */
    public static final int[] SPACE_SPANS = { 64, 16, 4 };
    /** Span lengths of term_hour_span, in hours, longest first (migration V18); each divides a day. */
    static final int[] HOUR_SPANS = { 12, 4 };
    /** No spans: blocks of single days or hours (question_day, question_bucket). */
    public static final int[] SINGLE = {};

    /** A range of rows of one granularity: minute, hour or day. */
    public record Range(String granularity, Instant start, Instant end) {
    }

    /**
     * A block of whole days or hours: {@code length} 1 (a term_day row, a term_bucket hour row) or a span length, in
     * days for {@link #dayBlocks}, hours for {@link #hourBlocks}.
     */
    public record Block(int length, Instant start) {
    }

    /** The tiling of [from, to). */
    public static Tiling of(Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " to " + to);
        }
        Instant[] hours = wholeUnits(from, to, ChronoUnit.HOURS);
        Instant[] days = wholeUnits(hours[0], hours[1], ChronoUnit.DAYS);
        return new Tiling(from, hours[0], days[0], days[1], hours[1], to);
    }

    /** The non-empty ranges of minute, hour and day rows, in time order, adjacent ones of the same rows joined. */
    public List<Range> ranges() {
        List<Range> out = new ArrayList<>(5);
        add(out, "minute", from, firstHour);
        add(out, "hour", firstHour, firstDay);
        add(out, "day", firstDay, endDay);
        add(out, "hour", endDay, endHour);
        add(out, "minute", endHour, to);
        return out;
    }

    /**
     * The whole days as blocks: spans of {@code spans} days (longest first) where one fits, single days elsewhere, in
     * time order.
     */
    public List<Block> dayBlocks(int[] spans) {
        return dayBlocks(spans, endDay);
    }

    /**
     * The whole days as blocks, spans only where they end by {@code spansUntil} (term spans of days from then on are
     * not written yet, ADR 0133; null: none are), single days elsewhere, in time order.
     */
    public List<Block> dayBlocks(int[] spans, Instant spansUntil) {
        List<Block> out = new ArrayList<>();
        long limit = spansUntil == null ? Long.MIN_VALUE : Math.floorDiv(spansUntil.getEpochSecond(), 86_400);
        blocks(firstDay, endDay, 86_400, spans, limit, out);
        return out;
    }

    /** The whole hours (those outside the whole days) as blocks: spans of hours where one fits, single hours elsewhere. */
    public List<Block> hourBlocks() {
        return hourBlocks(HOUR_SPANS);
    }

    /** The whole hours outside the whole days as blocks: spans of {@code spans} hours where one fits, single hours elsewhere. */
    public List<Block> hourBlocks(int[] spans) {
        return hourBlocks(spans, null);
    }

    /**
     * The whole hours outside the whole days as blocks, spans of {@code spans} hours only where they end by
     * {@code spansUntil} (term hour spans of hours from then on are not written yet, ADR 0138; null: no limit),
     * single hours elsewhere, in time order.
     */
    public List<Block> hourBlocks(int[] spans, Instant spansUntil) {
        long limit = spansUntil == null ? Long.MAX_VALUE : Math.floorDiv(spansUntil.getEpochSecond(), 3_600);
        List<Block> out = new ArrayList<>();
        for (Range r : ranges()) {
            if (r.granularity().equals("hour")) {
                blocks(r.start(), r.end(), 3_600, spans, limit, out);
            }
        }
        return out;
    }

    /**
     * This tiling with whole days only before the UTC day of {@code until}: the whole days from that day on are read
     * as hours instead (a term day is complete only once all its hours are sealed, ADR 0138). The same tiling when
     * its days already end by then.
     */
    public Tiling daysBefore(Instant until) {
        Instant cap = until.truncatedTo(ChronoUnit.DAYS);
        if (!cap.isBefore(endDay)) {
            return this;
        }
        return new Tiling(from, firstHour, firstDay, cap.isBefore(firstDay) ? firstDay : cap, endHour, to);
    }

    /**
     * Tiles [start, end) (whole units of {@code unitSeconds}) greedily: at each unit, the longest span that starts on
     * a unit number it divides and ends by {@code end} and by unit number {@code spanLimit}, else a single unit.
     */
    private static void blocks(Instant start, Instant end, long unitSeconds, int[] spans, long spanLimit,
            List<Block> out) {
        long unit = start.getEpochSecond() / unitSeconds;
        long last = end.getEpochSecond() / unitSeconds;
        while (unit < last) {
            int size = 1;
            for (int s : spans) {
                if (unit % s == 0 && unit + s <= last && unit + s <= spanLimit) {
                    size = s;
                    break;
                }
            }
            out.add(new Block(size, Instant.ofEpochSecond(unit * unitSeconds)));
            unit += size;
        }
    }

    /**
     * The whole units (UTC days or hours) [start, end) of [from, to): start the first unit boundary at or after
     * {@code from} (at most {@code to}), end the last one at or before {@code to} (at least start); empty
     * (start = end) when the period holds no whole unit. [from, start) and [end, to) are the partial units.
     */
    static Instant[] wholeUnits(Instant from, Instant to, ChronoUnit unit) {
        Instant floor = from.truncatedTo(unit);
        Instant start = floor.equals(from) ? from : floor.plus(1, unit);
        if (start.isAfter(to)) {
            start = to;
        }
        Instant end = to.truncatedTo(unit);
        if (end.isBefore(start)) {
            end = start;
        }
        return new Instant[] { start, end };
    }

    /** Adds [start, end) unless empty; joined to the previous range when it is of the same rows and ends at start. */
    private static void add(List<Range> out, String granularity, Instant start, Instant end) {
        if (!start.isBefore(end)) {
            return;
        }
        Range last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.granularity().equals(granularity) && last.end().equals(start)) {
            out.set(out.size() - 1, new Range(granularity, last.start(), end));
        } else {
            out.add(new Range(granularity, start, end));
        }
    }
}
