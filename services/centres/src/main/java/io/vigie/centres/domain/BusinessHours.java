package io.vigie.centres.domain;

import io.vigie.events.CentreConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Opening hours arithmetic of a centre: open or closed at an instant, in the centre's own time zone. */
public final class BusinessHours {

    private BusinessHours() {
    }

    /** Whether the centre is open at {@code at}: a business-hours range of that weekday contains it and it is no holiday. */
    public static boolean isOpen(CentreConfig centre, Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(centre.timeZone()));
        if (centre.holidays().contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (String range : centre.businessHours().getOrDefault(local.getDayOfWeek().name(), List.of())) {
            Range r = Range.parse(range);
            if (!time.isBefore(r.start()) && (r.endOfDay() || time.isBefore(r.end()))) {
                return true;
            }
        }
        return false;
    }

    /** Time until the centre next opens (zero when open), looking at most two weeks ahead; empty if it never opens. */
    public static Optional<Duration> untilOpen(CentreConfig centre, Instant at) {
        if (isOpen(centre, at)) {
            return Optional.of(Duration.ZERO);
        }
        ZoneId zone = ZoneId.of(centre.timeZone());
        ZonedDateTime local = at.atZone(zone);
        for (int d = 0; d <= 14; d++) {
            LocalDate day = local.toLocalDate().plusDays(d);
            if (centre.holidays().contains(day)) {
                continue;
            }
            for (String range : centre.businessHours().getOrDefault(day.getDayOfWeek().name(), List.of())) {
                ZonedDateTime start = day.atTime(Range.parse(range).start()).atZone(zone);
                if (start.isAfter(local)) {
                    return Optional.of(Duration.between(local, start));
                }
            }
        }
        return Optional.empty();
    }

    /** Checks one day key ({@code MONDAY}..{@code SUNDAY}); returns a reason or null. */
    public static String checkDay(String day) {
        try {
            DayOfWeek.valueOf(day);
            return null;
        } catch (RuntimeException e) {
            return "'" + day + "' is not a day of week (MONDAY to SUNDAY)";
        }
    }

    /** Checks one range; returns a reason or null. */
    public static String checkRange(String range) {
        try {
            Range.parse(range);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** One {@code HH:mm-HH:mm} range; {@code 24:00} as end means midnight. */
    record Range(LocalTime start, LocalTime end, boolean endOfDay) {

        static Range parse(String text) {
            if (text == null || !text.matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}")) {
                throw new IllegalArgumentException("'" + text + "' is not a HH:mm-HH:mm range");
            }
            try {
                LocalTime start = LocalTime.parse(text.substring(0, 5));
                String endText = text.substring(6);
                boolean endOfDay = endText.equals("24:00");
                LocalTime end = endOfDay ? LocalTime.MAX : LocalTime.parse(endText);
                if (!start.isBefore(end)) {
                    throw new IllegalArgumentException("range '" + text + "' ends before it starts");
                }
                return new Range(start, end, endOfDay);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a HH:mm-HH:mm range");
            }
        }
    }
}
