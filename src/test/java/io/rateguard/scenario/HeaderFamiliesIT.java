package io.rateguard.scenario;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.RunSummary;
import io.rateguard.sim.RateLimitHeaderStyle;
import io.rateguard.sim.SimulatorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each rate-limit header family end to end in real JMeter. The server (10/s in 2 s windows)
 * sends only that family: no Retry-After, and a body with no hint. The bucket is set to twice
 * the limit and the default wait to 10 s, so a client that did not read the family would sit
 * out 10 s after each 429 (goodput under 0.2 x the limit). Reading it, RateGuard pauses when a
 * response says the quota is used up, before the server refuses, and waits exactly the reset
 * when it does refuse.
 */
class HeaderFamiliesIT {

    private static final int LIMIT = 20;
    private static final int WINDOW = 2;

    @ParameterizedTest
    @EnumSource(value = RateLimitHeaderStyle.class, names = "GENESYS", mode = EnumSource.Mode.EXCLUDE)
    void eachFamilyPacesTheRunWithoutTheServerHavingToRefuse(RateLimitHeaderStyle style) throws Exception {
        SimulatorConfig server = SimulatorConfig.builder().tokenLimit(LIMIT).tokenPeriodSeconds(WINDOW).ivrPutLimit(0)
                .headerStyle(style).omitRetryAfter(true).refuseWith403(style == RateLimitHeaderStyle.GITHUB).build();
        ArchitectBurst.Outcome run = ArchitectBurst
                .against(server, 2 * LIMIT, WINDOW, 5, 8,
                        JMeterHome.locate().projectDir().resolve("target/it/headers-" + style.optionValue()))
                .plan("test-plans/layered-limits.jmx")
                .property("rateguard.token.preset", "Custom")
                .property("readers", 5)
                .property("editors", 0)
                .property("rampup", 1)
                .property("rateguard.defaultWait", 10)
                .timeout(Duration.ofMinutes(1))
                .run();
        RunSummary s = run.summary();
        run.jmeter().requireCleanExit();
        ServerWindow whole = ServerWindow.whole(run.server());
        System.out.println(style.optionValue() + ": " + whole + ", retries " + s.retries());

        assertEquals(0, s.failedSamples(), () -> style + " failures: " + s.topFailures());
        assertTrue(whole.refused() <= 0.1 * whole.served(), style + ": the server had to refuse often: " + whole);
        // Unix-time resets are whole seconds, rounded up: up to 1 s more pause per 2 s window
        double floor = style == RateLimitHeaderStyle.GITHUB || style == RateLimitHeaderStyle.X ? 0.55 : 0.8;
        assertTrue(whole.servedPerSecond() >= floor * LIMIT / WINDOW,
                style + ": goodput " + whole + " against " + (LIMIT / WINDOW) + "/s");
    }
}
