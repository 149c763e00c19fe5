package io.vigie.routing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.events.CentreConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Business hours, holidays and business-time arithmetic in a centre's own time zone (no infrastructure). */
class BusinessCalendarTest {

    private static CentreConfig paris(Map<String, List<String>> hours, List<LocalDate> holidays) {
        return new CentreConfig(1, "montpellier", "Montpellier", "Europe/Paris", List.of("fr"), List.of(), "EU", hours,
                holidays, List.of(), 10, 600, null, List.of(), List.of(), false, Instant.now());
    }

    private static final Map<String, List<String>> WEEKDAYS = Map.of("MONDAY", List.of("09:00-12:00", "14:00-18:00"),
            "TUESDAY", List.of("09:00-18:00"), "WEDNESDAY", List.of("09:00-18:00"), "THURSDAY", List.of("09:00-18:00"),
            "FRIDAY", List.of("09:00-18:00"));

    @Test
    void openWithinItsHoursInItsOwnTimeZone() {
        CentreConfig c = paris(WEEKDAYS, List.of());
        // Monday 23 November 2026, Paris is UTC+1.
        assertTrue(BusinessCalendar.isOpen(c, Instant.parse("2026-11-23T08:00:00Z")), "09:00 Paris");
        assertFalse(BusinessCalendar.isOpen(c, Instant.parse("2026-11-23T07:59:00Z")), "08:59 Paris");
        assertFalse(BusinessCalendar.isOpen(c, Instant.parse("2026-11-23T12:00:00Z")), "13:00 Paris, lunch");
        assertFalse(BusinessCalendar.isOpen(c, Instant.parse("2026-11-24T02:00:00Z")), "03:00 Paris");
        assertFalse(BusinessCalendar.isOpen(c, Instant.parse("2026-11-22T10:00:00Z")), "a Sunday: no hours");
    }

    @Test
    void localTimeAndUnreadableSettingsFallBack() {
        CentreConfig c = paris(WEEKDAYS, List.of());
        assertEquals("03:05 TUESDAY Europe/Paris", BusinessCalendar.localTime(c, Instant.parse("2026-11-24T02:05:00Z")));
        assertEquals("14:30 MONDAY Europe/Paris", BusinessCalendar.localTime(c, Instant.parse("2026-11-23T13:30:00Z")));
        CentreConfig nowhere = new CentreConfig(1, "x", "X", "Mars/Olympus", List.of("fr"), List.of(), "EU",
                Map.of("MONDAY", List.of("nine to five", "10:00-11:00")), List.of(), List.of(), 10, 600, null,
                List.of(), List.of(), false, Instant.now());
        assertEquals("UTC", BusinessCalendar.zone(nowhere).getId());
        // the unreadable range is skipped, the readable one kept (read in UTC)
        assertTrue(BusinessCalendar.isOpen(nowhere, Instant.parse("2026-11-23T10:30:00Z")));
        assertFalse(BusinessCalendar.isOpen(nowhere, Instant.parse("2026-11-23T09:30:00Z")));
    }

    @Test
    void closedOnAHoliday() {
        CentreConfig c = paris(WEEKDAYS, List.of(LocalDate.parse("2026-12-25")));
        assertFalse(BusinessCalendar.isOpen(c, Instant.parse("2026-12-25T10:00:00Z")));
        assertTrue(BusinessCalendar.isOpen(c, Instant.parse("2026-12-24T10:00:00Z")));
    }

    @Test
    void rangesOverMidnightAndUntilMidnight() {
        CentreConfig night = paris(Map.of("MONDAY", List.of("22:00-06:00")), List.of());
        assertTrue(BusinessCalendar.isOpen(night, Instant.parse("2026-11-24T02:00:00Z")), "Tuesday 03:00 is Monday's night");
        assertFalse(BusinessCalendar.isOpen(night, Instant.parse("2026-11-24T06:00:00Z")), "Tuesday 07:00");
        CentreConfig late = paris(Map.of("MONDAY", List.of("18:00-24:00")), List.of());
        assertTrue(BusinessCalendar.isOpen(late, Instant.parse("2026-11-23T22:59:00Z")), "23:59 Paris");
    }

    @Test
    void slaClockCountsOnlyBusinessTime() {
        CentreConfig c = paris(WEEKDAYS, List.of());
        // Friday 17:30 Paris + 1 h of business time = Monday 09:30 Paris.
        Instant due = BusinessCalendar.addBusinessTime(c, Instant.parse("2026-11-27T16:30:00Z"), Duration.ofHours(1), true);
        assertEquals(Instant.parse("2026-11-30T08:30:00Z"), due);
        // Monday 11:30 + 1 h skips the lunch break: 14:30.
        assertEquals(Instant.parse("2026-11-23T13:30:00Z"),
                BusinessCalendar.addBusinessTime(c, Instant.parse("2026-11-23T10:30:00Z"), Duration.ofHours(1), true));
        // Without business hours, plain time.
        assertEquals(Instant.parse("2026-11-27T17:30:00Z"),
                BusinessCalendar.addBusinessTime(c, Instant.parse("2026-11-27T16:30:00Z"), Duration.ofHours(1), false));
    }
}
