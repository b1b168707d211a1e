package io.rateguard.jmeter;

import org.apache.jmeter.engine.StandardJMeterEngine;
import org.apache.jmeter.threads.JMeterContext;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterThread;
import org.apache.jmeter.util.JMeterUtils;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a run that cannot go on (a plan error found on first use): logs the message once per run,
 * stops the current thread before it samples, and asks the engine to shut down.
 */
final class TestStopper {

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private TestStopper() {
    }

    static void stopBecause(String message) {
        if (REPORTED.add(JMeterContextService.getTestStartTime() + message)) {
            // the console in non-GUI mode, a dialog in the GUI, and the log
            JMeterUtils.reportErrorToUser(RateGuardBucket.sentence(message) + " Stopping the test.", "RateGuard");
        }
        JMeterContext ctx = JMeterContextService.getContext();
        JMeterThread thread = ctx.getThread();
        if (thread != null) {
            thread.stop();
        }
        StandardJMeterEngine engine = ctx.getEngine();
        if (engine != null) {
            engine.askThreadsToStop();
        }
    }
}
