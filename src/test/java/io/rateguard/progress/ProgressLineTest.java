package io.rateguard.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anIntervalLineGivesTheRateOfTheIntervalAgainstTheLimit() {
        BucketFigures before = new BucketFigures(100, 1, 1, 2 * SECOND);
        BucketFigures now = new BucketFigures(150, 3, 2, 5 * SECOND);
        assertEquals("rateguard +     50 in 00:00:05 =   10.0/s of    5.0/s [default] 429s:     2 pauses:    1 (   3.0 s paused)",
                ProgressLine.interval("default", 5.0, now.since(before), 5 * SECOND));
    }

    @Test
    void aTotalLineCoversTheWholeRun() {
        assertEquals("rateguard =    300 in 00:01:00 =    5.0/s of    5.0/s [token] 429s:     0 pauses:    0 (   0.0 s paused)",
                ProgressLine.total("token", 5.0, new BucketFigures(300, 0, 0, 0), 60 * SECOND));
    }

    @Test
    void longRunsPrintHours() {
        assertEquals("01:01:01", ProgressLine.clock(3661 * SECOND));
    }

    @Test
    void aZeroIntervalDoesNotDivideByZero() {
        assertEquals("rateguard +      0 in 00:00:00 =    0.0/s of    1.0/s [b] 429s:     0 pauses:    0 (   0.0 s paused)",
                ProgressLine.interval("b", 1.0, BucketFigures.ZERO, 0));
    }

    @Test
    void slowBudgetsShowTheirRate() {
        assertEquals(" 0.017", ProgressLine.rate(1 / 60.0));
        assertEquals("   0.0", ProgressLine.rate(0));
        assertEquals("  12.0", ProgressLine.rate(12));
    }
}
