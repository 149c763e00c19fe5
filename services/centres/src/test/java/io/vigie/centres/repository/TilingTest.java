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
    void spansEndByTheSealedDaysAndTheDaysAfterAreSingle() {
        Tiling t = Tiling.of(at("2026-08-25T00:00:00Z"), at("2026-11-23T00:00:00Z"));
        // Sealed up to 2026-11-15: the 8 days from 11-11 would end after it, so 11-11 to 11-14 is a span of 4, then
        // single days to the end.
        List<Block> blocks = t.dayBlocks(Tiling.TERM_SPANS, at("2026-11-15T00:00:00Z"));
        assertTiles(t, blocks);
        assertEquals(List.of(new Block(2, at("2026-08-25T00:00:00Z")), new Block(4, at("2026-08-27T00:00:00Z")),
                new Block(8, at("2026-08-31T00:00:00Z")), new Block(32, at("2026-09-08T00:00:00Z")),
                new Block(32, at("2026-10-10T00:00:00Z")), new Block(4, at("2026-11-11T00:00:00Z"))),
                blocks.subList(0, 6));
        assertTrue(blocks.subList(6, blocks.size()).stream().allMatch(b -> b.length() == 1), blocks.toString());
        assertEquals(8, blocks.size() - 6, blocks.toString());
        // Nothing sealed (not read yet): single days only.
        List<Block> none = t.dayBlocks(Tiling.TERM_SPANS, null);
        assertTiles(t, none);
        assertTrue(none.stream().allMatch(b -> b.length() == 1), none.toString());
        // Sealed past the period: the same blocks as without a limit.
        assertEquals(t.dayBlocks(Tiling.TERM_SPANS), t.dayBlocks(Tiling.TERM_SPANS, at("2027-01-01T00:00:00Z")));
    }

    @Test
    void wholeDaysAreAlignedSpansAndSingleDaysThatTileThemExactly() {
        // The bench's 90 days, ending 2026-11-23.
        Tiling t = Tiling.of(at("2026-08-25T00:00:00Z"), at("2026-11-23T00:00:00Z"));
        List<Block> blocks = t.dayBlocks(Tiling.SPACE_SPANS);
        assertTiles(t, blocks);
        assertEquals(12, blocks.size(), blocks.toString());
        assertEquals(List.of(new Block(1, at("2026-08-25T00:00:00Z")), new Block(1, at("2026-08-26T00:00:00Z")),
                new Block(4, at("2026-08-27T00:00:00Z"))), blocks.subList(0, 3));
        assertEquals(new Block(16, at("2026-09-08T00:00:00Z")), blocks.get(5));
        // 64 days start on day numbers that 64 divides: 2026-06-04 is day 20,608.
        List<Block> longer = Tiling.of(at("2026-05-20T03:00:00Z"), at("2026-08-10T05:00:00Z")).dayBlocks(Tiling.SPACE_SPANS);
        assertTrue(longer.contains(new Block(64, at("2026-06-04T00:00:00Z"))), longer.toString());
        // The terms' spans, every power of two from 2 to 64 (V21): the same 90 days in 7 blocks instead of 12.
        assertEquals(List.of(new Block(2, at("2026-08-25T00:00:00Z")), new Block(4, at("2026-08-27T00:00:00Z")),
                new Block(8, at("2026-08-31T00:00:00Z")), new Block(32, at("2026-09-08T00:00:00Z")),
                new Block(32, at("2026-10-10T00:00:00Z")), new Block(8, at("2026-11-11T00:00:00Z")),
                new Block(4, at("2026-11-19T00:00:00Z"))), t.dayBlocks(Tiling.TERM_SPANS));
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Instant from = at("2026-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 300)));
            Instant to = from.plus(Duration.ofHours(random.nextInt(24 * 200)));
            Tiling tiling = Tiling.of(from, to);
            List<Block> b = tiling.dayBlocks(Tiling.SPACE_SPANS);
            assertTiles(tiling, b);
            // At most three blocks of each size on either side of the longest ones, and those at most as many as fit.
            long days = Duration.between(tiling.firstDay(), tiling.endDay()).toDays();
            assertTrue(b.size() <= 18 + days / 64 + 1, tiling + " " + b);
            // With every power of two, at most one block of each size on either side.
            List<Block> terms = tiling.dayBlocks(Tiling.TERM_SPANS);
            assertTiles(tiling, terms);
            assertTrue(terms.size() <= 12 + days / 64 + 1, tiling + " " + terms);
        }
    }

    @Test
    void wholeHoursOutsideTheWholeDaysAreAlignedSpansAndSingleHours() {
        // The bench's 90 days ending at 16:37, read from 16:00: 16:00 to midnight, then midnight to 16:00.
        Tiling t = Tiling.of(at("2026-08-24T16:00:00Z"), at("2026-11-22T16:00:00Z"));
        assertEquals(List.of(new Block(4, at("2026-08-24T16:00:00Z")), new Block(4, at("2026-08-24T20:00:00Z")),
                new Block(12, at("2026-11-22T00:00:00Z")), new Block(4, at("2026-11-22T12:00:00Z"))), t.hourBlocks());
        // Under a day, across a midnight: single hours where no span fits.
        assertEquals(List.of(new Block(1, at("2026-07-10T22:00:00Z")), new Block(1, at("2026-07-10T23:00:00Z")),
                new Block(1, at("2026-07-11T00:00:00Z")), new Block(1, at("2026-07-11T01:00:00Z"))),
                Tiling.of(at("2026-07-10T21:13:00Z"), at("2026-07-11T02:05:00Z")).hourBlocks());
        assertEquals(List.of(), Tiling.of(at("2026-08-25T00:00:00Z"), at("2026-11-23T00:00:00Z")).hourBlocks());
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Instant from = at("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 300)));
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 5)));
            Tiling tiling = Tiling.of(from, to);
            List<Block> blocks = tiling.hourBlocks();
            // The blocks tile the hour ranges exactly, each span on its grid, at most 6 blocks per partial day.
            List<Range> hours = tiling.ranges().stream().filter(r -> r.granularity().equals("hour")).toList();
            int b = 0;
            for (Range r : hours) {
                Instant next = r.start();
                int inRange = 0;
                while (next.isBefore(r.end())) {
                    Block block = blocks.get(b++);
                    assertEquals(next, block.start(), tiling + " " + blocks);
                    assertEquals(0, block.start().getEpochSecond() / 3_600 % block.length(), block.toString());
                    next = block.start().plus(Duration.ofHours(block.length()));
                    inRange++;
                }
                assertEquals(r.end(), next, tiling + " " + blocks);
                assertTrue(inRange <= 12, tiling + " " + blocks);
            }
            assertEquals(blocks.size(), b, tiling + " " + blocks);
        }
    }

    /**
     * Term days and hour spans are complete only before the end of the sealed hours (ADR 0138): from that hour's day
     * on, whole days are read as hours, and hour spans end by it.
     */
    @Test
    void daysFromTheDayOfTheSealedHoursOnAreReadAsHoursAndHourSpansEndByThem() {
        Tiling t = Tiling.of(at("2026-11-20T05:30:00Z"), at("2026-11-24T16:37:00Z"));
        // Sealed up to 13:00 on the 23rd: the 21st and 22nd stay days, the 23rd is read as hours.
        Tiling cut = t.daysBefore(at("2026-11-23T13:00:00Z"));
        assertEquals(List.of(new Range("minute", at("2026-11-20T05:30:00Z"), at("2026-11-20T06:00:00Z")),
                new Range("hour", at("2026-11-20T06:00:00Z"), at("2026-11-21T00:00:00Z")),
                new Range("day", at("2026-11-21T00:00:00Z"), at("2026-11-23T00:00:00Z")),
                new Range("hour", at("2026-11-23T00:00:00Z"), at("2026-11-24T16:00:00Z")),
                new Range("minute", at("2026-11-24T16:00:00Z"), at("2026-11-24T16:37:00Z"))), cut.ranges());
        List<Block> hours = cut.hourBlocks(Tiling.HOUR_SPANS, at("2026-11-23T13:00:00Z"));
        // Spans up to 13:00 on the 23rd, single hours after it; the leading partial day as before.
        assertEquals(t.hourBlocks().subList(0, 4), hours.subList(0, 4));
        assertEquals(List.of(new Block(12, at("2026-11-23T00:00:00Z")), new Block(1, at("2026-11-23T12:00:00Z")),
                new Block(1, at("2026-11-23T13:00:00Z"))), hours.subList(4, 7));
        assertEquals(4 + 3 + 10 + 16, hours.size());
        assertTrue(hours.subList(5, hours.size()).stream().allMatch(b -> b.length() == 1), hours.toString());
        // Sealed before the first whole day: no days at all, one range of hours.
        assertEquals(List.of("minute", "hour", "minute"),
                t.daysBefore(at("2026-11-19T09:00:00Z")).ranges().stream().map(Range::granularity).toList());
        // Sealed after the period's days: the same tiling.
        assertEquals(t, t.daysBefore(at("2026-11-24T16:00:00Z")));
        assertEquals(t.hourBlocks(), t.hourBlocks(Tiling.HOUR_SPANS, at("2026-11-24T16:00:00Z")));
    }

    /** The blocks follow each other from the first whole day to the end of the whole days, each span on its grid. */
    private static void assertTiles(Tiling t, List<Block> blocks) {
        Instant next = t.firstDay();
        for (Block b : blocks) {
            assertEquals(next, b.start(), blocks.toString());
            long day = b.start().getEpochSecond() / 86_400;
            assertEquals(0, day % b.length(), b.toString());
            next = b.start().plus(Duration.ofDays(b.length()));
        }
        assertEquals(t.endDay(), next);
    }
}
