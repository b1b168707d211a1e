package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatorStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void serverCountsMatchWhatConcurrentClientsSaw() throws Exception {
        FakeClock clock = new FakeClock();
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(50).clock(clock)
                .build())) {
            SimClient client = new SimClient(sim);
            String token = client.token();
            clock.advanceMillis(2_500);
            Map<Integer, Integer> seen = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        seen.merge(client.get("/api/v2/flows?pageSize=1", token).statusCode(), 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            seen.merge(client.get("/api/v2/architect/flows", token).statusCode(), 1, Integer::sum);
            seen.merge(client.get("/api/v2/flows", null).statusCode(), 1, Integer::sum);

            assertEquals(Map.of(200, 50, 429, 110, 404, 1, 401, 1), seen);
            SimulatorStats s = sim.stats();
            assertEquals(50, s.served());
            assertEquals(110, s.refused());
            assertEquals(Map.of(200, 50L, 401, 1L, 404, 1L, 429, 110L), s.byStatus());
            assertEquals(162, s.total());
            assertEquals(1, s.tokensIssued());
            assertEquals(162, s.events().size());
            assertEquals(3, s.perSecond().size(), "seconds 0, 1 and 2");
            assertEquals(new SecondCounts(2, 50, 110), s.perSecond().get(2));
            assertEquals(new SecondCounts(0, 0, 0), s.perSecond().get(0));
            RequestEvent refusal = s.events().stream().filter(RequestEvent::refused).findFirst().orElseThrow();
            assertEquals(58, refusal.retryAfterSeconds());
            assertEquals(2_500.0, refusal.arrivalMillis());
            assertEquals(s.startEpochMicros() + 2_500_000, refusal.arrivalEpochMicros());
            assertEquals("GET", refusal.method());
            assertEquals("/api/v2/flows", refusal.path());
            assertEquals(1, refusal.token());
        }
    }

    @Test
    void statsEndpointServesTheSnapshotAsJson() {
        FakeClock clock = new FakeClock();
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(2).clock(clock)
                .build())) {
            SimClient client = new SimClient(sim);
            String token = client.token();
            clock.advanceNanos(1_234_567_891L);
            for (int i = 0; i < 3; i++) {
                client.get("/api/v2/flows", token);
            }
            HttpResponse<String> r = client.get("/__sim/stats", null);
            assertEquals(200, r.statusCode());
            SimulatorStats remote = SimulatorStats.fromJson(r.body());
            SimulatorStats local = sim.stats();
            assertEquals(local.toJson(), remote.toJson(), "lossless round trip");
            assertEquals(local.events(), remote.events());
            assertEquals(1_234.567, remote.events().get(0).arrivalMillis());
            assertEquals(3, remote.total(), "stats requests are not counted");
            assertTrue(r.body().contains("\"retryAfterSeconds\":59"), r.body());

            SimulatorStats noEvents = SimulatorStats.fromJson(client.get("/__sim/stats?events=false", null).body());
            assertEquals(0, noEvents.events().size());
            assertEquals(2, noEvents.served());
            assertEquals(405, client.call("POST", "/__sim/stats", null, "{}").statusCode());
        }
    }

    @Test
    void requestsDuringPausesCountsSameTokenArrivalsInsideRetryAfter() {
        StatsRecorder rec = new StatsRecorder(0, 0, 100);
        rec.record(1_000 * MS, 1_010 * MS, "GET", "/api/v2/flows", 429, 1, 5); // pause [1.010 s, 6.010 s)
        rec.record(1_005 * MS, 1_006 * MS, "GET", "/api/v2/flows", 429, 1, 5); // before T: not counted
        rec.record(1_050 * MS, 1_051 * MS, "GET", "/api/v2/flows", 429, 1, 5); // inside the 100 ms allowance
        rec.record(2_000 * MS, 2_001 * MS, "GET", "/api/v2/flows", 429, 1, 4); // counted
        rec.record(5_900 * MS, 5_901 * MS, "GET", "/api/v2/flows", 200, 1, 0); // counted
        rec.record(6_010 * MS, 6_011 * MS, "GET", "/api/v2/flows", 200, 1, 0); // at T + R: pause is over
        rec.record(3_000 * MS, 3_001 * MS, "GET", "/api/v2/flows", 200, 2, 0); // another token
        rec.record(3_000 * MS, 3_001 * MS, "GET", "/api/v2/flows", 401, 0, 0); // no token
        List<PauseCount> pauses = rec.snapshot().requestsDuringPauses(100);
        assertEquals(4, pauses.size(), "one entry per 429");
        assertEquals(2, pauses.get(0).requestsDuringPause());
        assertEquals(1_010.0, pauses.get(0).refusal().sentMillis());
        assertEquals(0, rec.snapshot().requestsDuringPauses(10_000).get(0).requestsDuringPause(),
                "an allowance longer than the pause excuses everything");
    }

    @Test
    void aClientThatHonoursRetryAfterScoresZero() {
        FakeClock clock = new FakeClock();
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(2).clock(clock)
                .build())) {
            SimClient client = new SimClient(sim);
            String token = client.token();
            int polite = 0;
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> r = client.get("/api/v2/flows", token);
                clock.advanceMillis(1); // requests take time: earlier ones arrived before the 429 was sent
                if (r.statusCode() == 429) {
                    clock.advanceMillis(1_000L * Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow()));
                    polite++;
                }
            }
            assertTrue(polite > 0);
            assertEquals(0, sim.stats().totalRequestsDuringPauses(0));

            for (int i = 0; i < 3; i++) { // 200, 200, then a 429 at T
                client.get("/api/v2/flows", token);
                clock.advanceMillis(1);
            }
            clock.advanceMillis(1_000);
            client.get("/api/v2/flows", token); // 1 s into a 59 s pause
            assertEquals(1, sim.stats().totalRequestsDuringPauses(0));
        }
    }

    @Test
    void eventsAreBoundedButTotalsStayExact() {
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().maxEvents(3)
                .clock(new FakeClock()).build())) {
            SimClient client = new SimClient(sim);
            String token = client.token();
            for (int i = 0; i < 5; i++) {
                client.get("/api/v2/flows", token);
            }
            SimulatorStats s = sim.stats();
            assertEquals(3, s.events().size());
            assertEquals(2, s.eventsDropped());
            assertEquals(5, s.served());
        }
    }
}
