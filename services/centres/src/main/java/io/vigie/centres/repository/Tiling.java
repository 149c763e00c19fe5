package io.vigie.centres.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A period [from, to) tiled by the coarsest stored rows that cover it exactly (ADR 0121): minute buckets from
 * {@code from} to the first whole hour and from the last whole hour to {@code to}, hour buckets from there to the first
 * and from the last whole UTC day, whole days in between. For terms, the whole days are further read as spans of 64, 16
 * and 4 days (term_span), each starting on a day number its length divides, and single days (term_day) where no span
 * fits. Bounds must be whole minutes; a period with no whole hour is all minutes, one with no whole day has no days.
 *
 * @param from      start of the period
 * @param firstHour first whole hour (end of the leading minutes)
 * @param firstDay  first whole day (end of the leading hours)
 * @param endDay    end of the whole days
 * @param endHour   end of the whole hours (start of the trailing minutes)
 * @param to        end of the period
 */
public record Tiling(Instant from, Instant firstHour, Instant firstDay, Instant endDay, Instant endHour, Instant to) {

    /** Span lengths of term_span, in days, longest first (migration V14). */
    static final int[] SPANS = { 64, 16, 4 };

    /** A range of rows of one granularity: minute, hour or day. */
    public record Range(String granularity, Instant start, Instant end) {
    }

    /** A block of whole days: {@code days} = 1 (a term_day row) or a term_span length. */
    public record Block(int days, Instant start) {
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

    /** The whole days as blocks: spans where one fits (longest first), single days elsewhere, in time order. */
    public List<Block> dayBlocks() {
        List<Block> out = new ArrayList<>();
        long day = firstDay.getEpochSecond() / 86_400;
        long end = endDay.getEpochSecond() / 86_400;
        while (day < end) {
            int size = 1;
            for (int s : SPANS) {
                if (day % s == 0 && day + s <= end) {
                    size = s;
                    break;
                }
            }
            out.add(new Block(size, Instant.EPOCH.plus(Duration.ofDays(day))));
            day += size;
        }
        return out;
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
