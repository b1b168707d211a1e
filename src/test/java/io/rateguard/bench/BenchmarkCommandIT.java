package io.rateguard.bench;

import io.rateguard.harness.JMeterHome;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Keeps the benchmark command from rotting: the same runner, plans and report on a tiny
 * configuration (RateGuard and the SDK-style baseline at 10 threads, a few seconds each, no JMH,
 * no Throughput Shaping Timer), written to target/ instead of docs/.
 */
class BenchmarkCommandIT {

    @Test
    void theRunnerComparesRateGuardWithTheSdkBaselineAndWritesTableAndChart() throws Exception {
        Path out = JMeterHome.locate().projectDir().resolve("target/it/bench");
        // L = 50/s in 2 s windows, 400 requests: 8 s a run, so at least two whole windows
        BenchSettings tiny = new BenchSettings(50, 2, 400, 5, List.of(10),
                List.of(Variant.SDK_RETRY, Variant.RATEGUARD), out.resolve("work"), out.resolve("docs"), false);
        Files.deleteIfExists(out.resolve("docs").resolve(BenchmarkCommand.DOC));

        BenchmarkCommand.Outcome o = BenchmarkCommand.run(tiny, null, null);

        assertEquals(2, o.runs().size());
        RunFigures sdk = o.runs().get(0);
        RunFigures rateGuard = o.runs().get(1);
        assertEquals(400, sdk.logical(), "every logical sample of the SDK baseline is in the result file");
        assertEquals(400, rateGuard.logical());
        // unpaced threads meet the limit; the SDK-style retry then recovers the samples
        assertTrue(sdk.server429() > 0, "the unpaced baseline should have met 429s");
        assertEquals(0, rateGuard.server429(), "RateGuard at the limit");
        assertTrue(rateGuard.allSuccessful());
        assertTrue(rateGuard.goodputWindows() > 0, "the run spans whole server windows");
        assertTrue(rateGuard.goodput() > 0.9, "goodput " + rateGuard.goodput());
        assertFalse(Double.isNaN(rateGuard.pacingErrorP99()), "RateGuard publishes its intended start per sample");

        String doc = Files.readString(o.doc());
        assertTrue(doc.contains("| 10 | rateguard | 0 | 400 / 400 |"), doc);
        assertTrue(doc.contains("RateGuard at L, 10 threads: server 429s"), doc);
        byte[] png = Files.readAllBytes(o.chart());
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart");
    }
}
