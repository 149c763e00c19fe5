package io.vigie.centres.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.events.CentreConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening hours in the centre's own time zone, split days, holidays and the next opening. */
class BusinessHoursTest {

    private static final CentreConfig PARIS = new CentreConfig(CentreConfig.VERSION, "montpellier", "Montpellier",
            "Europe/Paris", List.of("fr"), List.of(), "EU",
            Map.of("MONDAY", List.of("08:00-12:30", "13:30-20:00"), "SATURDAY", List.of("09:00-24:00")),
            List.of(LocalDate.parse("2026-12-28")), List.of(), 10, 0, null, List.of(), List.of(), false, null);

    @Test
    void openInsideARangeOfTheLocalWeekday() {
        // Monday 23 November 2026, 10:00 in Paris (UTC+1).
        assertTrue(BusinessHours.isOpen(PARIS, Instant.parse("2026-11-23T09:00:00Z")));
        // Lunch break 12:30-13:30, and 20:00 is already closed.
        assertFalse(BusinessHours.isOpen(PARIS, Instant.parse("2026-11-23T11:45:00Z")));
        assertFalse(BusinessHours.isOpen(PARIS, Instant.parse("2026-11-23T19:00:00Z")));
        // Saturday until midnight.
        assertTrue(BusinessHours.isOpen(PARIS, Instant.parse("2026-11-28T22:59:00Z")));
    }

    @Test
    void closedOnHolidaysAndMissingDays() {
        assertFalse(BusinessHours.isOpen(PARIS, Instant.parse("2026-12-28T09:00:00Z")));
        assertFalse(BusinessHours.isOpen(PARIS, Instant.parse("2026-11-24T09:00:00Z")));
    }

    @Test
    void nextOpeningSkipsHolidays() {
        // Sunday 27 December 12:00 Paris: Monday 28 is a holiday, so the next opening is Saturday 2 January 09:00.
        Duration d = BusinessHours.untilOpen(PARIS, Instant.parse("2026-12-27T11:00:00Z")).orElseThrow();
        assertEquals(Instant.parse("2027-01-02T08:00:00Z"), Instant.parse("2026-12-27T11:00:00Z").plus(d));
        assertEquals(Duration.ZERO, BusinessHours.untilOpen(PARIS, Instant.parse("2026-11-23T09:00:00Z")).orElseThrow());
    }

    @Test
    void rangesAreChecked() {
        assertNull(BusinessHours.checkRange("08:00-24:00"));
        assertNotNull(BusinessHours.checkRange("18:00-08:00"));
        assertNotNull(BusinessHours.checkRange("8-18"));
        assertNotNull(BusinessHours.checkRange("25:00-26:00"));
        assertNotNull(BusinessHours.checkDay("MONDI"));
    }
}
