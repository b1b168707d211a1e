package io.rateguard.scenario;

import io.rateguard.sim.SecondCounts;
import io.rateguard.sim.SimulatorStats;

import java.util.List;

/**
 * The server's own count over whole seconds of a run (seconds since the simulator started,
 * by arrival), for goodput and refusals measured where the client cannot fool itself.
 */
record ServerWindow(long fromSecond, long toSecond, long served, long refused) {

    /** The last {@code seconds} whole seconds before the last second with traffic (which is partial). */
    static ServerWindow last(SimulatorStats stats, int seconds) {
        List<SecondCounts> perSecond = stats.perSecond();
        long end = -1;
        for (SecondCounts s : perSecond) {
            if (s.served() + s.refused() > 0) {
                end = s.second();
            }
        }
        return between(stats, end - seconds, end);
    }

    /** Seconds {@code from} (inclusive) to {@code to} (exclusive). */
    static ServerWindow between(SimulatorStats stats, long from, long to) {
        long served = 0;
        long refused = 0;
        for (SecondCounts s : stats.perSecond()) {
            if (s.second() >= from && s.second() < to) {
                served += s.served();
                refused += s.refused();
            }
        }
        return new ServerWindow(from, to, served, refused);
    }

    /** The whole seconds that had traffic, first and last (partial) excluded. */
    static ServerWindow whole(SimulatorStats stats) {
        long first = -1;
        long last = -1;
        for (SecondCounts s : stats.perSecond()) {
            if (s.served() + s.refused() > 0) {
                if (first < 0) {
                    first = s.second();
                }
                last = s.second();
            }
        }
        return between(stats, first + 1, last);
    }

    double servedPerSecond() {
        return toSecond <= fromSecond ? 0 : (double) served / (toSecond - fromSecond);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "seconds %d-%d: %d served (%.2f/s), %d refused",
                fromSecond, toSecond, served, servedPerSecond(), refused);
    }
}
