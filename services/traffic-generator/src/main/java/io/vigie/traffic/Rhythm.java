package io.vigie.traffic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When people post: a daily curve (quiet nights, late-morning and evening peaks) and a weekly one (lower weekends),
 * both in each audience's local time; English is split between the Americas and Europe, Portuguese is Brazilian.
 */
final class Rhythm {

    /** An audience: a language spoken at a UTC offset, with its share of all posts. */
    record Region(Language language, int utcOffsetHours, double share) {
    }

    static final List<Region> REGIONS = List.of(
            new Region(Language.EN, -5, 0.30),
            new Region(Language.EN, 0, 0.20),
            new Region(Language.FR, 1, 0.10),
            new Region(Language.DE, 1, 0.10),
            new Region(Language.ES, 1, 0.08),
            new Region(Language.PT, -3, 0.08),
            new Region(Language.IT, 1, 0.05),
            new Region(Language.NL, 1, 0.05),
            new Region(Language.SK, 1, 0.04));

    /** Relative activity per local hour; normalised below so that the daily mean is 1. */
    private static final double[] HOURLY = {
            0.35, 0.22, 0.15, 0.12, 0.12, 0.18, 0.35, 0.60, 0.90, 1.20, 1.45, 1.55,
            1.40, 1.30, 1.30, 1.25, 1.25, 1.30, 1.45, 1.60, 1.60, 1.45, 1.05, 0.65};

    /** Relative activity per local day, Monday first; normalised so that the weekly mean is 1. */
    private static final double[] WEEKLY = {1.05, 1.08, 1.08, 1.06, 1.00, 0.78, 0.72};

    private static final double HOURLY_MEAN = mean(HOURLY);
    private static final double WEEKLY_MEAN = mean(WEEKLY);

    private Rhythm() {
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Activity factor (mean 1 over a week) of a region at an instant, interpolated within the hour. */
    static double factor(Region region, Instant at) {
        ZonedDateTime local = at.atZone(ZoneOffset.ofHours(region.utcOffsetHours()));
        int hour = local.getHour();
        double within = local.getMinute() / 60.0;
        double daily = HOURLY[hour] * (1 - within) + HOURLY[(hour + 1) % 24] * within;
        DayOfWeek day = local.getDayOfWeek();
        return (daily / HOURLY_MEAN) * (WEEKLY[day.getValue() - 1] / WEEKLY_MEAN);
    }
}
