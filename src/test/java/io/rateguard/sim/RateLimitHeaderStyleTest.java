package io.rateguard.sim;

import io.rateguard.signals.AnnouncedLimit;
import io.rateguard.signals.RateLimitSignals;
import io.rateguard.signals.RateLimitVerdict;
import io.rateguard.signals.ResponseHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Each header family the simulator can send, read back by RateGuard's own interpreter: what one
 * side writes the other must understand, on a fake clock.
 */
class RateLimitHeaderStyleTest {

    private final FakeClock clock = new FakeClock();
    private GenesysSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimClient start(SimulatorConfig.Builder b) {
        sim = GenesysSimulator.start(b.clock(clock).build());
        return new SimClient(sim);
    }

    private static RateLimitVerdict read(HttpResponse<String> r) {
        return new RateLimitSignals(Duration.ofSeconds(120), false).interpret(r.statusCode(),
                ResponseHeaders.of(r.headers().map()), r.body(), Instant.now());
    }

    @ParameterizedTest
    @EnumSource(value = RateLimitHeaderStyle.class, names = "GENESYS", mode = EnumSource.Mode.EXCLUDE)
    void theLastRequestOfAWindowSaysSoAndTheRefusalSaysWhenQuotaReturns(RateLimitHeaderStyle style) {
        SimClient client = start(SimulatorConfig.builder().tokenLimit(3).tokenPeriodSeconds(10)
                .headerStyle(style).omitRetryAfter(true));
        String token = client.token();
        clock.advanceMillis(2_500);
        RateLimitVerdict first = read(client.get("/api/v2/flows", token));
        assertFalse(first.isRateLimited());
        assertEquals(Optional.empty(), first.preemptivePause(), style + ": " + first.reason());
        client.get("/api/v2/flows", token);
        RateLimitVerdict last = read(client.get("/api/v2/flows", token));
        // 7.5 s left in the window; the Unix-time families round to whole epoch seconds
        Duration pause = last.preemptivePause().orElseThrow(() -> new AssertionError(style + ": " + last.reason()));
        assertTrue(pause.compareTo(Duration.ofMillis(7_500)) >= 0 && pause.compareTo(Duration.ofMillis(9_000)) <= 0,
                style + ": " + pause);

        HttpResponse<String> refused = client.get("/api/v2/flows", token);
        assertEquals(429, refused.statusCode());
        RateLimitVerdict v = read(refused);
        assertTrue(v.isRateLimited());
        assertTrue(v.waitDuration().orElseThrow().compareTo(Duration.ofMillis(7_500)) >= 0, style + ": " + v.reason());
        if (style == RateLimitHeaderStyle.IETF || style == RateLimitHeaderStyle.IETF_DRAFT_07
                || style == RateLimitHeaderStyle.RATELIMIT_HEADERS) {
            assertEquals(Optional.of(new AnnouncedLimit(3, Duration.ofSeconds(10))), v.announcedLimit(), v.reason());
        } else {
            assertEquals(3, v.announcedQuota().orElseThrow());
        }
    }

    @Test
    void ietfListsEveryWindowAPutOnAnIvrCountsAgainst() {
        SimClient client = start(SimulatorConfig.builder().tokenLimit(300).ivrPutLimit(100)
                .headerStyle(RateLimitHeaderStyle.IETF));
        String token = client.token();
        HttpResponse<String> r = client.call("PUT", "/api/v2/architect/ivrs/" + SeedIds.ivrId(1), token,
                "{\"name\":\"x\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("\"token\";q=300;w=60, \"ivr-put\";q=100;w=60", r.headers().firstValue("RateLimit-Policy").orElseThrow());
        assertEquals("\"token\";r=299;t=60, \"ivr-put\";r=99;t=60", r.headers().firstValue("RateLimit").orElseThrow());
    }

    @Test
    void gitHubRefusesWith403AndRemainingZero() {
        SimClient client = start(SimulatorConfig.builder().tokenLimit(1).tokenPeriodSeconds(10)
                .headerStyle(RateLimitHeaderStyle.GITHUB).refuseWith403(true).omitRetryAfter(true));
        String token = client.token();
        assertEquals(200, client.get("/api/v2/flows", token).statusCode());
        HttpResponse<String> refused = client.get("/api/v2/flows", token);
        assertEquals(403, refused.statusCode());
        assertEquals("0", refused.headers().firstValue("x-ratelimit-remaining").orElseThrow());
        assertTrue(read(refused).isRateLimited());
        assertEquals(1, sim.stats().refused(), "a 403 refusal is counted as one");
    }

    @Test
    void anOrgWideLimitIsSharedByEveryToken() {
        SimClient client = start(SimulatorConfig.builder().tokenLimit(10).orgLimit(3).orgPeriodSeconds(10));
        String a = client.token();
        String b = client.token();
        assertEquals(200, client.get("/api/v2/flows", a).statusCode());
        assertEquals(200, client.get("/api/v2/flows", b).statusCode());
        assertEquals(200, client.get("/api/v2/flows", a).statusCode());
        HttpResponse<String> refused = client.get("/api/v2/flows", b);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.body().contains("Retry the request in [10] seconds"), refused.body());
        clock.advanceMillis(10_000);
        assertEquals(200, client.get("/api/v2/flows", b).statusCode());
    }

    @Test
    void optionsParseAndBadOnesSayWhat() {
        SimulatorConfig c = SimulatorConfig.fromArgs(new String[] {"--rate-limit-headers", "ietf-draft-07",
                "--refuse-with-403", "--org-limit=50", "--org-period", "30"});
        assertEquals(RateLimitHeaderStyle.IETF_DRAFT_07, c.headerStyle());
        assertTrue(c.refuseWith403());
        assertEquals(50, c.orgLimit());
        assertEquals(30, c.orgPeriodSeconds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SimulatorConfig.fromArgs(new String[] {"--rate-limit-headers", "rfc"}));
        assertEquals("--rate-limit-headers: expected one of genesys, ietf, ietf-draft-07, ratelimit-headers, github, x,"
                + " got 'rfc'", e.getMessage());
    }
}
