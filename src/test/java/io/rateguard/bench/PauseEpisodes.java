package io.rateguard.bench;

import io.rateguard.sim.RequestEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 429 episodes of a run, from the server's event list: an episode starts with a 429 and
 * lasts its Retry-After. For each, how many 429s it drew and how many requests were already in
 * flight when the client could first know of it (arrived before that 429's answer was sent, plus
 * an allowance for the answer to reach the client on loopback). A client that pauses everyone on
 * the first 429 draws no more 429s than it had in flight.
 */
record PauseEpisodes(List<Episode> episodes) {

    /** @param ignoring requests that arrived after the client knew of the 429 and before its Retry-After ended */
    record Episode(long startMicros, int retryAfterSeconds, int refused, int inFlight, int ignoring) {
    }

    static PauseEpisodes of(List<RequestEvent> events, long allowanceMillis) {
        List<RequestEvent> byArrival = new ArrayList<>(events);
        byArrival.sort(Comparator.comparingLong(RequestEvent::arrivalMicros));
        List<Episode> out = new ArrayList<>();
        long episodeEnd = Long.MIN_VALUE;
        for (RequestEvent first : byArrival) {
            if (!first.refused() || first.arrivalMicros() < episodeEnd) {
                continue;
            }
            long end = first.sentMicros() + first.retryAfterSeconds() * 1_000_000L;
            long knownBy = first.sentMicros() + allowanceMillis * 1_000;
            int refused = 0;
            int inFlight = 0;
            int ignoring = 0;
            for (RequestEvent e : byArrival) {
                if (e.arrivalMicros() < first.arrivalMicros()) {
                    // arrived earlier but still unanswered when this 429 went out: in flight too
                    if (e.sentMicros() > first.arrivalMicros() && e.sentMicros() <= knownBy) {
                        inFlight++;
                    }
                    continue;
                }
                if (e.arrivalMicros() >= end) {
                    break;
                }
                if (e.refused()) {
                    refused++;
                }
                if (e.arrivalMicros() <= knownBy) {
                    inFlight++;
                } else {
                    ignoring++;
                }
            }
            out.add(new Episode(first.arrivalMicros(), first.retryAfterSeconds(), refused, inFlight, ignoring));
            episodeEnd = end;
        }
        return new PauseEpisodes(List.copyOf(out));
    }

    int count() {
        return episodes.size();
    }

    /** Episodes that drew more 429s than the requests in flight when they began. */
    long overdrawn() {
        return episodes.stream().filter(e -> e.refused() > e.inFlight()).count();
    }

    /** Requests sent inside a pause, each counted once. */
    long ignoring() {
        return episodes.stream().mapToLong(Episode::ignoring).sum();
    }

    int maxRefused() {
        return episodes.stream().mapToInt(Episode::refused).max().orElse(0);
    }
}
