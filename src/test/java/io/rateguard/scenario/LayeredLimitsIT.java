package io.rateguard.scenario;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.RunSummary;
import io.rateguard.sim.RequestEvent;
import io.rateguard.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Genesys' layered limits at their real values (300 a minute per token for every request, 100 a
 * minute for PUT on an IVR), a mixed plan of readers and IVR editors, the two presets and
 * routing by request matcher: no 429 at all, and both limits used nearly to the full.
 * The run stays inside the server's first minute, so a client pacing even 12 % too fast would
 * be refused.
 */
class LayeredLimitsIT {

    @Test
    void presetsKeepAMixedPlanUnderBothLayersWithNo429() throws Exception {
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(SimulatorConfig.builder().build(), 300, 60, 10, 50,
                        JMeterHome.locate().projectDir().resolve("target/it/layered-presets"))
                .plan("test-plans/layered-limits.jmx")
                // enough editors that PUTs alone would exceed 100 a minute: both layers bind
                .property("readers", 4)
                .property("editors", 12)
                .property("rampup", 1)
                .timeout(Duration.ofMinutes(2))
                .run();
        RunSummary s = run.summary();
        System.out.println(s.format());
        run.jmeter().requireCleanExit();

        List<RequestEvent> puts = run.server().events().stream().filter(e -> e.status() == 200 && isIvrPut(e)).toList();
        double first = run.server().events().get(0).arrivalMillis();
        double last = run.server().events().get(run.server().events().size() - 1).arrivalMillis();
        double seconds = (last - first) / 1000.0;
        double total = run.server().served() / seconds;
        // PUTs start once an editor has listed IVRs: their rate is measured between the first and the last
        double putRate = (puts.size() - 1) / ((puts.get(puts.size() - 1).arrivalMillis() - puts.get(0).arrivalMillis()) / 1000.0);
        System.out.printf(java.util.Locale.ROOT, "layered presets: %.1f s, %d served (%.2f/s of 5/s), %d PUT IVR"
                + " (%.2f/s of 1.67/s), %d refused%n", seconds, run.server().served(), total, puts.size(), putRate,
                run.server().refused());

        assertEquals(0, run.server().refused(), "server-counted 429s");
        assertEquals(0, s.failedSamples(), () -> "failures: " + s.topFailures());
        assertTrue(total >= 0.9 * 5, "all requests " + total + "/s against the token's 5/s");
        assertTrue(putRate >= 0.9 * 100 / 60.0, "PUT IVR " + putRate + "/s against 100 a minute");
    }

    private static boolean isIvrPut(RequestEvent e) {
        return e.method().equals("PUT") && e.path().startsWith("/api/v2/architect/ivrs/");
    }
}
