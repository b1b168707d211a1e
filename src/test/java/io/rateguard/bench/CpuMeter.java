package io.rateguard.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU time of a child process, read every 100 ms while it lives (the OS forgets it at exit).
 * The last reading misses at most the final 100 ms of the process, its JVM shutdown.
 */
final class CpuMeter implements AutoCloseable {

    private final ProcessHandle process;
    private final AtomicLong maxNanos = new AtomicLong();
    private final Thread poller;

    private CpuMeter(ProcessHandle process) {
        this.process = process;
        this.poller = new Thread(this::poll, "cpu-meter-" + process.pid());
        poller.setDaemon(true);
        poller.start();
    }

    static CpuMeter watch(long pid) {
        return new CpuMeter(ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid)));
    }

    private void poll() {
        while (process.isAlive()) {
            read();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read() {
        Optional<Duration> cpu = process.info().totalCpuDuration();
        cpu.ifPresent(d -> maxNanos.accumulateAndGet(d.toNanos(), Math::max));
    }

    double seconds() {
        return maxNanos.get() / 1e9;
    }

    @Override
    public void close() {
        poller.interrupt();
    }
}
