package io.rateguard.bench;

import io.rateguard.sim.RequestEvent;

import java.util.List;

/**
 * Goodput measured the way a fixed-window server allows it: successful requests in the windows
 * that lie wholly inside the run, divided by what those windows allow (L x window each). The
 * first and last windows are left out: a client may find the first one part-used by nothing and
 * burst into it, or leave the last one half-empty, so over a short run "requests / time" can read
 * up to twice L for a client that merely straddles two windows. Counted by the server, whose
 * windows start at its own start (as {@code TokenQuota}'s do).
 *
 * @param windows  whole windows inside the run (0: the run was too short to measure)
 * @param served   successful API requests that arrived in them
 * @param goodput  served / (windows x L x window length), at most 1 on this server
 */
record WindowGoodput(int windows, long served, double goodput) {

    static WindowGoodput of(List<RequestEvent> events, int limitPerSecond, int windowSeconds) {
        long windowMicros = windowSeconds * 1_000_000L;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RequestEvent e : events) {
            if (e.token() > 0) {
                long w = e.arrivalMicros() / windowMicros;
                first = Math.min(first, w);
                last = Math.max(last, w);
            }
        }
        if (first == Long.MAX_VALUE || last - first < 2) {
            return new WindowGoodput(0, 0, Double.NaN);
        }
        long served = 0;
        for (RequestEvent e : events) {
            long w = e.arrivalMicros() / windowMicros;
            if (e.token() > 0 && w > first && w < last && e.status() >= 200 && e.status() < 300) {
                served++;
            }
        }
        int windows = (int) (last - first - 1);
        return new WindowGoodput(windows, served, served / ((double) windows * limitPerSecond * windowSeconds));
    }
}
