package io.vigie.centres.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A reporting period [from, to) parsed from query parameters; bad input is a 400 problem. */
record Period(Instant from, Instant to) {

    /** Longest period a report may cover. */
    static final Duration LONGEST = Duration.ofDays(400);

    /** Parses ISO-8601 instants; {@code to} defaults to {@code now}, {@code from} to 24 hours before {@code to}. */
    static Period parse(String from, String to, Instant now) {
        Instant t = to == null || to.isBlank() ? now : instant("to", to);
        Instant f = from == null || from.isBlank() ? t.minus(Duration.ofHours(24)) : instant("from", from);
        if (!f.isBefore(t)) {
            throw bad("from must be before to");
        }
        if (Duration.between(f, t).compareTo(LONGEST) > 0) {
            throw bad("a report covers at most " + LONGEST.toDays() + " days");
        }
        return new Period(f, t);
    }

    /** Earliest and latest instants a period may name (an instant far outside overflowed the report's arithmetic). */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static Instant instant(String name, String value) {
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name + " '" + value + "' is not an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw bad(name + " '" + value + "' is outside " + EARLIEST + " to " + LATEST);
        }
        return at;
    }

    private static HttpProblem bad(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request").withDetail(detail).build();
    }
}
