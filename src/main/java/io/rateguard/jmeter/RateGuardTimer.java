package io.rateguard.jmeter;

import io.rateguard.budget.Acquisition;
import io.rateguard.budget.BudgetUnavailableException;
import io.rateguard.budget.JointAcquisition;
import io.rateguard.budget.NanoClock;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.AbstractTestElement;
import org.apache.jmeter.threads.JMeterContext;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.timers.Timer;

/**
 * Paces every sampler in its scope through the shared budgets of its request: the bucket it
 * names plus every bucket whose request matcher matches the sampler's method and path (or, with
 * the name {@code *}, every matching bucket). It waits itself, in short
 * interruptible slices, and returns 0: a delay handed back to JMeter could not be lengthened by
 * a pause that another thread decides while this one waits.
 */
public class RateGuardTimer extends AbstractTestElement implements Timer, TestBean {

    private static final long serialVersionUID = 1L;

    private transient String bucketName = RateGuardBucket.DEFAULT_NAME;

    @Override
    public long delay() {
        JMeterContext ctx = JMeterContextService.getContext();
        Sampler sampler = ctx.getCurrentSampler();
        RequestBudgets route;
        try {
            String bucket = new FieldParser("RateGuard Timer", getName()).text("bucket name", bucketName, RateGuardBucket.DEFAULT_NAME);
            route = RequestBudgets.resolve("RateGuard Timer", getName(), bucket, sampler);
        } catch (IllegalArgumentException | IllegalStateException e) {
            TestStopper.stopBecause(e.getMessage());
            return 0;
        }
        Acquisition acquired;
        try {
            acquired = JointAcquisition.acquire(route.budgets(), JMeterWaitGuard.forCurrentThread(), NanoClock.system());
        } catch (BudgetUnavailableException e) {
            TestStopper.stopBecause("RateGuard Timer '" + getName() + "': " + e.getMessage() + ".");
            return 0;
        }
        SampleFigures.publish(acquired.waitedMillis(), acquired.pausedMillis(), 0);
        if (!acquired.granted()) {
            // Stop, Shutdown or the scheduled end ended the wait: no permit, so no sample
            // (JMeter stops the thread the same way when its own delay would pass the end)
            if (ctx.getThread() != null) {
                ctx.getThread().stop();
            }
            return 0;
        }
        SampleFigures.publishIntendedStart(acquired);
        if (sampler != null) {
            PermitHandOff.handTo(sampler, route.key(), acquired);
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
