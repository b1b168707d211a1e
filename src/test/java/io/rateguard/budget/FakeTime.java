package io.rateguard.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A clock that moves only when code sleeps on it, with actions scheduled at given times
 * (for instance another thread's 429 arriving while a waiter sleeps). No real sleeping.
 */
final class FakeTime implements NanoClock, Sleeper {

    static final long MS = 1_000_000L;

    private long now;
    private final TreeMap<Long, Runnable> actions = new TreeMap<>();
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        sleeps.add(nanos);
        long target = now + nanos;
        // run actions that fall inside this sleep at their own time
        while (!actions.isEmpty() && actions.firstKey() <= target) {
            var next = actions.pollFirstEntry();
            now = Math.max(now, next.getKey());
            next.getValue().run();
        }
        now = target;
    }

    void at(long millis, Runnable action) {
        actions.put(millis * MS, action);
    }

    void advanceMillis(long millis) {
        now += millis * MS;
    }

    long millis() {
        return now / MS;
    }
}
