package io.vigie.centres.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.centres.repository.Tiling.Block;
import io.vigie.centres.repository.Tiling.Range;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A period's tiling covers it exactly, with the coarsest rows that fit (ADR 0121). */
class TilingTest {

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    @Test
    void minutesAtTheEdgesHoursUpToTheWholeDaysDaysInBetween() {
        assertEquals(List.of(new Range("minute", at("2026-07-10T05:17:00Z"), at("2026-07-10T06:00:00Z")),
                new Range("hour", at("2026-07-10T06:00:00Z"), at("2026-07-11T00:00:00Z")),
                new Range("day", at("2026-07-11T00:00:00Z"), at("2026-07-13T00:00:00Z")),
                new Range("hour", at("2026-07-13T00:00:00Z"), at("2026-07-13T07:00:00Z")),
                new Range("minute", at("2026-07-13T07:00:00Z"), at("2026-07-13T07:42:00Z"))),
                Tiling.of(at("2026-07-10T05:17:00Z"), at("2026-07-13T07:42:00Z")).ranges());
        // No whole hour: minutes only. No whole day: no days.
        assertEquals(List.of(new Range("minute", at("2026-07-10T10:13:00Z"), at("2026-07-10T10:47:00Z"))),
                Tiling.of(at("2026-07-10T10:13:00Z"), at("2026-07-10T10:47:00Z")).ranges());
        assertEquals(List.of(new Range("minute", at("2026-07-10T10:13:00Z"), at("2026-07-10T11:00:00Z")),
                new Range("hour", at("2026-07-10T11:00:00Z"), at("2026-07-11T09:00:00Z")),
                new Range("minute", at("2026-07-11T09:00:00Z"), at("2026-07-11T09:05:00Z"))),
                Tiling.of(at("2026-07-10T10:13:00Z"), at("2026-07-11T09:05:00Z")).ranges());
        assertEquals(List.of(new Range("day", at("2026-08-25T00:00:00Z"), at("2026-11-23T00:00:00Z"))),
                Tiling.of(at("2026-08-25T00:00:00Z"), at("2026-11-23T00:00:00Z")).ranges());
        assertEquals(List.of(), Tiling.of(at("2026-07-10T10:13:00Z"), at("2026-07-10T10:13:00Z")).ranges());
        assertThrows(IllegalArgumentException.class, () -> Tiling.of(at("2026-07-10T10:13:00Z"), at("2026-07-10T10:12:00Z")));
    }

    @Test
    void wholeDaysAreAlignedSpansAndSingleDaysThatTileThemExactly() {
        // The bench's 90 days, ending 2026-11-23.
        Tiling t = Tiling.of(at("2026-08-25T00:00:00Z"), at("2026-11-23T00:00:00Z"));
        List<Block> blocks = t.dayBlocks();
        assertTiles(t, blocks);
        assertEquals(12, blocks.size(), blocks.toString());
        assertEquals(List.of(new Block(1, at("2026-08-25T00:00:00Z")), new Block(1, at("2026-08-26T00:00:00Z")),
                new Block(4, at("2026-08-27T00:00:00Z"))), blocks.subList(0, 3));
        assertEquals(new Block(16, at("2026-09-08T00:00:00Z")), blocks.get(5));
        // 64 days start on day numbers that 64 divides: 2026-06-04 is day 20,608.
        List<Block> longer = Tiling.of(at("2026-05-20T03:00:00Z"), at("2026-08-10T05:00:00Z")).dayBlocks();
        assertTrue(longer.contains(new Block(64, at("2026-06-04T00:00:00Z"))), longer.toString());
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Instant from = at("2026-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 300)));
            Instant to = from.plus(Duration.ofHours(random.nextInt(24 * 200)));
            Tiling tiling = Tiling.of(from, to);
            List<Block> b = tiling.dayBlocks();
            assertTiles(tiling, b);
            // At most three blocks of each size on either side of the longest ones, and those at most as many as fit.
            long days = Duration.between(tiling.firstDay(), tiling.endDay()).toDays();
            assertTrue(b.size() <= 18 + days / 64 + 1, tiling + " " + b);
        }
    }

    /** The blocks follow each other from the first whole day to the end of the whole days, each span on its grid. */
    private static void assertTiles(Tiling t, List<Block> blocks) {
        Instant next = t.firstDay();
        for (Block b : blocks) {
            assertEquals(next, b.start(), blocks.toString());
            long day = b.start().getEpochSecond() / 86_400;
            assertEquals(0, day % b.days(), b.toString());
            next = b.start().plus(Duration.ofDays(b.days()));
        }
        assertEquals(t.endDay(), next);
    }
}
