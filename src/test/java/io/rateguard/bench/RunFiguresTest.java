package io.rateguard.bench;

import io.rateguard.harness.JtlRow;
import io.rateguard.jmeter.SampleFigures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RunFiguresTest {

    private static JtlRow row(String label, String thread, long start, long elapsed, Map<String, String> vars) {
        return new JtlRow(start, elapsed, label, "200", "OK", thread, true, "", 100, 100, elapsed, 0, vars);
    }

    @Test
    void stockTimersAreMeasuredAgainstTheScheduleTheirRateAsksFor() {
        List<JtlRow> byStart = List.of(
                row("List flows", "t-1", 1000, 5, Map.of()),
                row("List flows", "t-2", 1012, 5, Map.of()),
                row("List flows", "t-1", 1020, 5, Map.of()));
        // L = 100/s: meant for 1000, 1010, 1020
        assertArrayEquals(new long[] {1000, 1010, 1020},
                RunFigures.intendedStarts(Variant.CONSTANT_THROUGHPUT, byStart, 100));
    }

    @Test
    void rateGuardIsMeasuredAgainstTheMomentItsPermitWasDue() {
        List<JtlRow> byStart = List.of(
                row("List flows", "t-1", 1003, 5, Map.of(SampleFigures.INTENDED_START, "1000")),
                row("List flows-attempt-1", "t-1", 1003, 5, Map.of()),
                row("Get flow", "t-2", 1013, 5, Map.of()));
        long[] intended = RunFigures.intendedStarts(Variant.RATEGUARD, byStart, 100);
        assertEquals(1000, intended[0]);
        assertEquals(0, intended[2], "unknown when the variable is missing, never guessed");
    }

    @Test
    void throttleWaitRunsFromTheThreadsPreviousEndOrTheTokenToTheNextStart() {
        List<JtlRow> all = List.of(
                row(BenchPlan.TOKEN_LABEL, "setUp 1-1", 900, 50, Map.of()),  // ends at 950
                row("List flows", "t-1", 960, 10, Map.of()),                 // waited 10 since the token
                row("Get flow", "t-1", 1000, 10, Map.of()));                 // waited 30 since 970
        List<JtlRow> logical = all.subList(1, 3);
        assertEquals(List.of(10.0, 30.0), RunFigures.throttleWaits(all, logical));
    }

    @Test
    void percentilesAreNearestRank() {
        Percentiles p = Percentiles.of(List.of(5, 1, 4, 2, 3));
        assertEquals(3, p.p(50));
        assertEquals(5, p.p(99));
        assertEquals(1, p.p(0));
        assertTrue(Double.isNaN(Percentiles.of(List.<Integer>of()).p(50)));
    }
}
