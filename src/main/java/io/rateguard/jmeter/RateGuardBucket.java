package io.rateguard.jmeter;

import io.rateguard.budget.BudgetRegistry;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.signals.RateLimitSignals;
import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.engine.util.NoConfigMerge;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.util.JMeterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Config element that defines a named budget for the run. It registers the budget at test start
 * (on the engine thread, before any thread group starts), so a bad value stops the test before the
 * first request, with the element's name and the value in the message.
 */
public class RateGuardBucket extends ConfigTestElement implements TestBean, TestStateListener, NoConfigMerge {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(RateGuardBucket.class);

    static final String DEFAULT_NAME = "default";

    private transient String bucketName = DEFAULT_NAME;
    private transient String limit = "300";
    private transient String period = "60";
    private transient String burst = "1";
    private transient String initialTokens = "1";

    /** The budget definition these fields describe, or an error naming this element and the bad value. */
    BudgetSpec toSpec() {
        FieldParser p = new FieldParser("RateGuard Bucket", getName());
        String name = p.text("bucket name", bucketName, DEFAULT_NAME);
        long lim = p.wholeNumber("limit", limit, 300, 1);
        Duration per = p.seconds("period (seconds)", period, Duration.ofSeconds(60), false);
        long cap = p.wholeNumber("burst capacity", burst, 1, 1);
        long initial = p.wholeNumber("initial tokens", initialTokens, Math.min(1, cap), 0);
        if (initial > cap) {
            throw p.bad("initial tokens", initialTokens, "must not exceed the burst capacity " + cap);
        }
        return new BudgetSpec(name, lim, per, cap, initial);
    }

    @Override
    public void testStarted() {
        BudgetSpec spec;
        long runId = JMeterContextService.getTestStartTime();
        try {
            spec = toSpec();
            BudgetRegistry.shared().define(runId, spec, "RateGuard Bucket '" + getName() + "'");
        } catch (IllegalArgumentException e) {
            // shown on the console (non-GUI) or in a dialog; the engine then aborts the start
            String message = e.getMessage().startsWith("RateGuard") ? e.getMessage()
                    : "RateGuard Bucket '" + getName() + "': " + e.getMessage();
            JMeterUtils.reportErrorToUser(sentence(message) + " The test does not start.", "RateGuard");
            throw e;
        }
        RateLimitSignals.prepare();
        log.info("RateGuard Bucket '{}' ready: {}", getName(), spec);
        ProgressLog.start(runId);
    }

    static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    @Override
    public void testStarted(String host) {
        testStarted();
    }

    @Override
    public void testEnded() {
        // budgets live until the next run replaces them; the progress log prints its totals
        ProgressLog.stop();
    }

    @Override
    public void testEnded(String host) {
        testEnded();
    }

    public String getBucketName() {
        return bucketName;
    }

    public void setBucketName(String bucketName) {
        this.bucketName = bucketName;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getBurst() {
        return burst;
    }

    public void setBurst(String burst) {
        this.burst = burst;
    }

    public String getInitialTokens() {
        return initialTokens;
    }

    public void setInitialTokens(String initialTokens) {
        this.initialTokens = initialTokens;
    }
}
