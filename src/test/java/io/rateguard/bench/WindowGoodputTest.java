package io.rateguard.bench;

import io.rateguard.sim.RequestEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WindowGoodputTest {

    private static RequestEvent at(double seconds, int status) {
        long micros = Math.round(seconds * 1_000_000);
        return new RequestEvent(0, micros, "GET", "/api/v2/flows", status, 1, status == 429 ? 1 : 0, micros + 100);
    }

    @Test
    void countsOnlyWholeWindowsInsideTheRun() {
        List<RequestEvent> events = new ArrayList<>();
        // a burst at the end of window 0 and the start of window 3 would read as far above the limit
        for (int i = 0; i < 10; i++) {
            events.add(at(0.95, 200));
            events.add(at(3.01, 200));
        }
        // windows 1 and 2 (1 s each, limit 10/s): 10 and 8 served, one 429
        for (int i = 0; i < 10; i++) {
            events.add(at(1 + i * 0.1, 200));
        }
        for (int i = 0; i < 8; i++) {
            events.add(at(2 + i * 0.1, 200));
        }
        events.add(at(2.9, 429));
        WindowGoodput g = WindowGoodput.of(events, 10, 1);
        assertEquals(2, g.windows());
        assertEquals(18, g.served());
        assertEquals(0.9, g.goodput(), 1e-9);
    }

    @Test
    void aRunWithoutAWholeWindowHasNoFigure() {
        WindowGoodput g = WindowGoodput.of(List.of(at(0.5, 200), at(1.5, 200)), 10, 1);
        assertEquals(0, g.windows());
        assertTrue(Double.isNaN(g.goodput()));
    }

    @Test
    void requestsWithoutATokenDoNotCount() {
        RequestEvent noToken = new RequestEvent(0, 5_500_000, "GET", "/api/v2/flows", 401, 0, 0, 5_500_100);
        WindowGoodput g = WindowGoodput.of(List.of(at(0.5, 200), at(1.5, 200), at(2.5, 200), noToken), 10, 1);
        assertEquals(1, g.windows(), "the unauthenticated request at 5.5 s does not stretch the run");
    }
}
