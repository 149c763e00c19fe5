package io.vigie.routing.service;

import io.vigie.events.CentreConfig;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business hours and holidays of a centre in its own time zone: whether it is open at an instant and how to add
 * business time (for SLA clocks). Ranges are {@code HH:mm-HH:mm}; {@code 24:00} ends at midnight, and a range that
 * ends before it starts runs over midnight. A missing day and a holiday are closed.
 */
public final class BusinessCalendar {

    private static final int MAX_DAYS = 400;
    private static final ZoneId UTC = ZoneId.of("UTC");
    /** Time zones by their configured name (an unknown one: UTC); every message reads each centre's. */
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();
    /** Opening ranges ("09:00-18:00") by their text; an unreadable one maps to {@link #UNREADABLE}. */
    private static final Map<String, Range> RANGES = new ConcurrentHashMap<>();
    private static final Range UNREADABLE = new Range(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false);

    /** A daily opening range; {@code toMidnight} for a range that closes at 24:00. */
    private record Range(LocalTime open, LocalTime close, boolean toMidnight) {
    }

    private BusinessCalendar() {
    }

    /** One open interval, in instants. */
    record Interval(Instant start, Instant end) {
    }

    /** The centre's time zone (UTC when unset or unknown). */
    public static ZoneId zone(CentreConfig centre) {
        return centre.timeZone() == null ? UTC : ZONES.computeIfAbsent(centre.timeZone(), name -> {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                return UTC;
            }
        });
    }

    /** Whether the centre is open at {@code at}. */
    public static boolean isOpen(CentreConfig centre, Instant at) {
        LocalDate day = at.atZone(zone(centre)).toLocalDate();
        for (Interval i : intervals(centre, day.minusDays(1), day)) {
            if (!at.isBefore(i.start()) && at.isBefore(i.end())) {
                return true;
            }
        }
        return false;
    }

    /** Local time at the centre, e.g. {@code 03:00 Europe/Paris, TUESDAY}, for reasons. */
    public static String localTime(CentreConfig centre, Instant at) {
        ZoneId zone = zone(centre);
        ZonedDateTime z = at.atZone(zone);
        // by hand: String.format took a visible share of routing's profile (a reason per centre and message)
        return new StringBuilder(40).append(z.getHour() < 10 ? "0" : "").append(z.getHour()).append(':')
                .append(z.getMinute() < 10 ? "0" : "").append(z.getMinute()).append(' ').append(z.getDayOfWeek())
                .append(' ').append(zone.getId()).toString();
    }

    /**
     * {@code start + duration}, counting only open time when {@code businessHoursOnly} (and the centre has hours at
     * all); otherwise plain time.
     */
    public static Instant addBusinessTime(CentreConfig centre, Instant start, Duration duration, boolean businessHoursOnly) {
        if (!businessHoursOnly || centre.businessHours().isEmpty()) {
            return start.plus(duration);
        }
        Duration left = duration;
        LocalDate day = start.atZone(zone(centre)).toLocalDate().minusDays(1);
        for (int n = 0; n < MAX_DAYS; n++, day = day.plusDays(1)) {
            for (Interval i : intervals(centre, day, day)) {
                Instant from = i.start().isBefore(start) ? start : i.start();
                if (!from.isBefore(i.end())) {
                    continue;
                }
                Duration open = Duration.between(from, i.end());
                if (open.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(open);
            }
        }
        return start.plus(duration);
    }

    /** Open intervals that start on the days {@code from} to {@code to} (local dates), in order. */
    static List<Interval> intervals(CentreConfig centre, LocalDate from, LocalDate to) {
        ZoneId zone = zone(centre);
        List<Interval> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (centre.holidays().contains(d)) {
                continue;
            }
            List<String> ranges = centre.businessHours().get(d.getDayOfWeek().name());
            if (ranges == null) {
                continue;
            }
            for (String range : ranges) {
                Interval i = parse(range, d, zone);
                if (i != null) {
                    out.add(i);
                }
            }
        }
        out.sort(Comparator.comparing(Interval::start));
        return out;
    }

    private static Interval parse(String text, LocalDate day, ZoneId zone) {
        Range range = text == null ? UNREADABLE : RANGES.computeIfAbsent(text, BusinessCalendar::range);
        if (range == UNREADABLE) {
            return null;
        }
        ZonedDateTime start = day.atTime(range.open()).atZone(zone);
        ZonedDateTime end;
        if (range.toMidnight()) {
            end = day.plusDays(1).atStartOfDay(zone);
        } else {
            LocalTime close = range.close();
            end = close.isAfter(range.open()) ? day.atTime(close).atZone(zone) : day.plusDays(1).atTime(close).atZone(zone);
        }
        return new Interval(start.toInstant(), end.toInstant());
    }

    private static Range range(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            return UNREADABLE;
        }
        try {
            LocalTime open = LocalTime.parse(parts[0].trim());
            String closeText = parts[1].trim();
            return "24:00".equals(closeText) ? new Range(open, LocalTime.MIDNIGHT, true)
                    : new Range(open, LocalTime.parse(closeText), false);
        } catch (DateTimeException e) {
            return UNREADABLE;
        }
    }
}
