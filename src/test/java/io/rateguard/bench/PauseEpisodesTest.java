package io.rateguard.bench;

import io.rateguard.sim.RequestEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PauseEpisodesTest {

    private static RequestEvent req(long arrivalMs, long sentMs, int status, int retryAfter) {
        return new RequestEvent(0, arrivalMs * 1000, "GET", "/api/v2/flows", status, 1, retryAfter, sentMs * 1000);
    }

    @Test
    void a429sDrawnByRequestsAlreadyInFlightAreWithinTheTarget() {
        List<RequestEvent> events = List.of(
                req(0, 5, 200, 0),
                req(10, 12, 429, 2),   // the pause begins here; the client knows by 12 + 100 ms
                req(11, 13, 429, 2),   // in flight
                req(50, 52, 429, 2),   // sent before the client could know: in flight
                req(2100, 2102, 200, 0));
        PauseEpisodes p = PauseEpisodes.of(events, 100);
        assertEquals(1, p.count());
        assertEquals(3, p.episodes().get(0).refused());
        assertEquals(3, p.episodes().get(0).inFlight());
        assertEquals(0, p.overdrawn());
        assertEquals(0, p.ignoring());
    }

    @Test
    void a429ArrivingLongAfterThePauseBeganOverdrawsIt() {
        List<RequestEvent> events = List.of(
                req(10, 12, 429, 2),
                req(500, 502, 429, 2), // sent 400 ms after the client knew: pause ignored
                req(2500, 2502, 429, 1)); // after the pause: a new episode
        PauseEpisodes p = PauseEpisodes.of(events, 100);
        assertEquals(2, p.count());
        assertEquals(2, p.episodes().get(0).refused());
        assertEquals(1, p.episodes().get(0).inFlight());
        assertEquals(1, p.overdrawn());
        assertEquals(2, p.maxRefused());
        assertEquals(1, p.ignoring(), "the request at 500 ms ignored the pause");
    }

    @Test
    void aRequestUnansweredWhenThe429ArrivedCountsAsInFlight() {
        List<RequestEvent> events = List.of(
                req(0, 40, 200, 0),    // slow request still being served when the 429 comes
                req(10, 11, 429, 1));
        assertEquals(2, PauseEpisodes.of(events, 100).episodes().get(0).inFlight());
    }
}
