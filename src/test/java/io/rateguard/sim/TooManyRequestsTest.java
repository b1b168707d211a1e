package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 429 of docs/genesys-rate-limits.md ("What a 429 looks like"), byte for byte. */
class TooManyRequestsTest {

    private static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final FakeClock clock = new FakeClock();
    private GenesysSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private SimClient start(UnaryOperator<SimulatorConfig.Builder> cfg) {
        sim = GenesysSimulator.start(cfg.apply(SimulatorConfig.builder().tokenLimit(3).clock(clock)).build());
        return new SimClient(sim);
    }

    @Test
    void the429IsExactlyTheDocumentedOne() throws Exception {
        SimClient client = start(b -> b);
        String token = client.token();
        clock.advanceMillis(17_300);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("/api/v2/flows", token).statusCode());
        }
        RawHttp.Response r = RawHttp.exchange(sim.port(), RawHttp.get("/api/v2/flows", token));

        assertEquals("HTTP/1.1 429 Too Many Requests", r.statusLine());
        assertEquals(List.of("ININ-Correlation-Id", "Retry-After", "Cache-Control", "Content-Type", "Date",
                "Content-Length"), r.headerNames(), "documented headers first, in the documented case");
        String correlationId = r.exactHeader("ININ-Correlation-Id");
        assertTrue(correlationId.matches(UUID_RE), correlationId);
        assertEquals("43", r.exactHeader("Retry-After"), "window ends 42.7 s later: rounded up");
        assertEquals("no-cache, no-store, must-revalidate", r.exactHeader("Cache-Control"));
        assertEquals("application/json", r.exactHeader("Content-Type"));
        assertEquals("{\"message\":\"Rate limit exceeded the maximum. Retry the request in [43] seconds\","
                + "\"code\":\"too.many.requests.retry.after\",\"status\":429,\"contextId\":\"" + correlationId
                + "\",\"details\":[],\"errors\":[]}", r.body());
    }

    @Test
    void retryAfterCountsDownToTheWindowEndAndQuotaReturns() {
        SimClient client = start(b -> b);
        String token = client.token();
        for (int i = 0; i < 3; i++) {
            client.get("/api/v2/flows", token);
        }
        assertEquals("60", client.get("/api/v2/flows", token).headers().firstValue("Retry-After").orElseThrow());
        clock.advanceMillis(1);
        assertEquals("60", client.get("/api/v2/flows", token).headers().firstValue("Retry-After").orElseThrow());
        clock.advanceMillis(30_000);
        HttpResponse<String> r = client.get("/api/v2/flows", token);
        assertEquals("30", r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(r.body().contains("Retry the request in [30] seconds"), r.body());
        clock.advanceMillis(29_998); // 59.999 s: the last millisecond of the window
        assertEquals(429, client.get("/api/v2/flows", token).statusCode());
        clock.advanceMillis(1); // 60.000 s: a new window
        for (int i = 0; i < 3; i++) {
            assertEquals(200, client.get("/api/v2/flows", token).statusCode(), "refusals consumed no quota");
        }
        assertEquals(429, client.get("/api/v2/flows", token).statusCode());
    }

    @Test
    void ivrPutLimitIsIndependentOfTheTokenLimit() {
        SimClient client = start(b -> b.tokenLimit(10).ivrPutLimit(2));
        String token = client.token();
        String path = "/api/v2/architect/ivrs/" + SeedIds.ivrId(0);
        clock.advanceMillis(50_000);
        assertEquals(200, client.call("PUT", path, token, "{\"name\":\"a\"}").statusCode());
        assertEquals(200, client.call("PUT", path, token, "{\"name\":\"b\"}").statusCode());
        HttpResponse<String> refused = client.call("PUT", path, token, "{\"name\":\"c\"}");
        assertEquals(429, refused.statusCode());
        assertEquals("10", refused.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, client.get(path, token).statusCode(), "GETs still have token quota");
        assertEquals(429, client.call("PUT", "/api/v2/architect/ivrs/" + SeedIds.ivrId(1), token, "{}").statusCode(),
                "the IVR PUT window is per token, across IVRs");
        assertEquals(200, client.call("PUT", path, client.token(), "{}").statusCode(), "a new token has its own");
    }

    @Test
    void ivrPutLimitZeroDisablesIt() {
        SimClient client = start(b -> b.tokenLimit(5).ivrPutLimit(0));
        String token = client.token();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.call("PUT", "/api/v2/architect/ivrs/" + SeedIds.ivrId(0), token, "{}")
                    .statusCode());
        }
    }

    @Test
    void always429NeverStopsRefusing() {
        SimClient client = start(b -> b.always429(true).retryAfterSeconds(120));
        String token = client.token();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = client.get("/api/v2/flows", token);
            assertEquals(429, r.statusCode());
            assertEquals("120", r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(r.body().contains("[120] seconds"));
            clock.advanceMillis(600_000);
        }
        assertEquals(401, client.get("/api/v2/flows", null).statusCode(), "auth is still checked first");
        assertEquals(5, sim.stats().refused());
    }

    @Test
    void omitRetryAfterLeavesOnlyTheBodyHint() throws Exception {
        SimClient client = start(b -> b.tokenLimit(1).omitRetryAfter(true));
        String token = client.token();
        client.get("/api/v2/flows", token);
        clock.advanceMillis(15_000);
        RawHttp.Response r = RawHttp.exchange(sim.port(), RawHttp.get("/api/v2/flows", token));
        assertEquals(429, r.status());
        assertNull(r.exactHeader("Retry-After"));
        assertFalse(r.headerNames().stream().anyMatch(n -> n.equalsIgnoreCase("retry-after")));
        assertTrue(r.body().contains("Retry the request in [45] seconds"), r.body());
        assertEquals(45, sim.stats().events().get(1).retryAfterSeconds(), "stats still know the pause");
    }

    @Test
    void legacyBodyUsesTheOldCodeAndMessage() {
        SimClient client = start(b -> b.tokenLimit(300).legacyBody(true));
        String token = client.token();
        for (int i = 0; i < 300; i++) {
            client.get("/api/v2/flows", token);
        }
        HttpResponse<String> r = client.get("/api/v2/flows", token);
        assertEquals(429, r.statusCode());
        String id = r.headers().firstValue("ININ-Correlation-Id").orElseThrow();
        assertEquals("{\"message\":\"Rate limit exceeded the maximum [300] requests within [60] seconds\","
                + "\"code\":\"too.many.requests\",\"status\":429,\"contextId\":\"" + id
                + "\",\"details\":[],\"errors\":[]}", r.body());
        assertEquals("60", r.headers().firstValue("Retry-After").orElseThrow());
    }
}
