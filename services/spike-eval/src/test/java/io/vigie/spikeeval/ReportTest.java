package io.vigie.spikeeval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the report states a burst against its delay target: a step from its start, a ramp also from its full size. */
class ReportTest {

    private static final Instant T = Instant.parse("2026-11-17T10:00:00Z");
    private static final Scorecard.BurstWindow STEP = new Scorecard.BurstWindow("b1", "watchlist", "w-1", T,
            T.plusSeconds(900), 5, 20, "step", "en");
    private static final Scorecard.BurstWindow RAMP = new Scorecard.BurstWindow("b2", "topic", "purchase", T,
            T.plusSeconds(3600), 2, 30, "ramp", "pt");

    private static Scorecard.Detection detected(Scorecard.BurstWindow b, long delay) {
        return new Scorecard.Detection(b, "i1", "its own alert", T.plusSeconds(delay), delay, "high");
    }

    @Test
    void aRampGrowsLinearlyToItsSizeAndAStepStartsAtIt() {
        assertEquals(1.0, RAMP.sizeAfter(0), 1e-9);
        assertEquals(1.5, RAMP.sizeAfter(1800), 1e-9);
        assertEquals(2.0, RAMP.sizeAfter(3600), 1e-9);
        assertEquals(2.0, RAMP.sizeAfter(5000), 1e-9);
        assertEquals(5.0, STEP.sizeAfter(0), 1e-9);
    }

    @Test
    void aStepIsTimedFromItsStart() {
        assertEquals("- b1 (5.0×, baseline 20.0/min): 30 s ✓\n", Report.target(detected(STEP, 30), 30));
        assertEquals("- b1 (5.0×, baseline 20.0/min): 31 s ✗\n", Report.target(detected(STEP, 31), 30));
        assertEquals("- b1 (5.0×, baseline 20.0/min): not detected ✗\n",
                Report.target(new Scorecard.Detection(STEP, null, null, null, null, null), 30));
    }

    @Test
    void aRampIsAlsoTimedFromWhenItReachesItsSize() {
        assertEquals("- b2 (ramp to 2.0×, baseline 30.0/min): 2250 s after its start, at 1.6×, 1350 s before it "
                + "reached its full size ✓\n", Report.target(detected(RAMP, 2250), 300));
        assertEquals("- b2 (ramp to 2.0×, baseline 30.0/min): 3900 s after its start, 300 s after it reached its full "
                + "size ✓\n", Report.target(detected(RAMP, 3900), 300));
        assertEquals("- b2 (ramp to 2.0×, baseline 30.0/min): 3901 s after its start, 301 s after it reached its full "
                + "size ✗\n", Report.target(detected(RAMP, 3901), 300));
    }
}
