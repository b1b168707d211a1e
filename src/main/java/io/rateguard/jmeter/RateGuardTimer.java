package io.rateguard.jmeter;

import io.rateguard.budget.Acquisition;
import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetUnavailableException;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.threads.JMeterContext;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.timers.Timer;

/**
 * Paces every sampler in its scope through a shared budget. It waits itself, in short
 * interruptible slices, and returns 0: a delay handed back to JMeter could not be lengthened by
 * a pause that another thread decides while this one waits.
 */
public class RateGuardTimer extends AbstractTestElement implements Timer, TestBean {

    private static final long serialVersionUID = 1L;

    private transient String bucketName = RateGuardBucket.DEFAULT_NAME;

    @Override
    public long delay() {
        String bucket;
        Budget budget;
        try {
            bucket = new FieldParser("RateGuard Timer", getName()).text("bucket name", bucketName, RateGuardBucket.DEFAULT_NAME);
            budget = BudgetLookup.require("RateGuard Timer", getName(), bucket);
        } catch (IllegalArgumentException | IllegalStateException e) {
            TestStopper.stopBecause(e.getMessage());
            return 0;
        }
        Acquisition acquired;
        try {
            acquired = budget.acquire(JMeterWaitGuard.forCurrentThread());
        } catch (BudgetUnavailableException e) {
            TestStopper.stopBecause("RateGuard Timer '" + getName() + "': " + e.getMessage() + ".");
            return 0;
        }
        SampleFigures.publish(acquired.waitedMillis(), acquired.pausedMillis(), 0);
        JMeterContext ctx = JMeterContextService.getContext();
        if (!acquired.granted()) {
            // Stop, Shutdown or the scheduled end ended the wait: no permit, so no sample
            // (JMeter stops the thread the same way when its own delay would pass the end)
            if (ctx.getThread() != null) {
                ctx.getThread().stop();
            }
            return 0;
        }
        SampleFigures.publishIntendedStart(acquired);
        Sampler sampler = ctx.getCurrentSampler();
        if (sampler != null) {
            PermitHandOff.handTo(sampler, bucket, acquired);
        }
        return 0;
    }

    @Override
    public boolean isModifiable() {
        // the wait is not a think time: JMeter's timer factor must not scale it
        return false;
    }

    public String getBucketName() {
        return bucketName;
    }

    public void setBucketName(String bucketName) {
        this.bucketName = bucketName;
    }
}
