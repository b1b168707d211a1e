package io.rateguard.jmeter;

import io.rateguard.budget.WaitGuard;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Lets a budget wait end on JMeter's Stop (an interrupt), Shutdown, and the end of a thread
 * group's scheduled duration (JMeter shortens its own timers' delays to that end too).
 * <p>
 * Shutdown only clears {@code JMeterThread.running}, which JMeter 5.6.3 does not expose, and it
 * does not interrupt; so the flag is read through a VarHandle. Should that ever fail (another
 * JMeter version), waits still end on Stop and at the end of each wait.
 */
final class JMeterWaitGuard implements WaitGuard {

    private static final Logger log = LoggerFactory.getLogger(JMeterWaitGuard.class);
    private static final VarHandle RUNNING = runningFlag();

    private final JMeterThread thread;

    private JMeterWaitGuard(JMeterThread thread) {
        this.thread = thread;
    }

    static JMeterWaitGuard forCurrentThread() {
        return new JMeterWaitGuard(JMeterContextService.getContext().getThread());
    }

    /** For a failure message: why a wait ended before its permit. */
    String whyStopped() {
        return scheduledEndPassed() ? "the thread group's scheduled duration ended" : "the test was stopped";
    }

    private boolean scheduledEndPassed() {
        long end = thread == null ? 0 : thread.getEndTime(); // 0 unless the thread group has a duration
        return end > 0 && System.currentTimeMillis() >= end;
    }

    @Override
    public boolean keepWaiting() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (thread == null) {
            return true;
        }
        if (scheduledEndPassed()) {
            return false;
        }
        return RUNNING == null || (boolean) RUNNING.getVolatile(thread);
    }

    private static VarHandle runningFlag() {
        try {
            return MethodHandles.privateLookupIn(JMeterThread.class, MethodHandles.lookup())
                    .findVarHandle(JMeterThread.class, "running", boolean.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("RateGuard cannot see JMeter's Shutdown flag ({}); waits end on Stop only", e.toString());
            return null;
        }
    }
}
