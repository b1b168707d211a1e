package io.rateguard.jmeter;

import io.rateguard.budget.Acquisition;
import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetUnavailableException;
import io.rateguard.budget.JointAcquisition;
import io.rateguard.budget.NanoClock;
import io.rateguard.budget.WaitGuard;
import io.rateguard.retry.RetryDecision;
import io.rateguard.retry.RetryPolicy;
import io.rateguard.signals.RateLimitVerdict;
import io.rateguard.signals.ResponseHeaders;
import io.rateguard.signals.WarnOnce;
import org.apache.jmeter.protocol.http.sampler.HTTPAbstractImpl;
import org.apache.jmeter.protocol.http.sampler.HTTPSampleResult;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerBase;
import org.apache.jmeter.protocol.http.sampler.RateGuardHttpImplBridge;
import org.apache.jmeter.samplers.Interruptible;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testelement.TestIterationListener;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.engine.event.LoopIterationEvent;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JMeter's HTTP Request plus rate-limit handling. Each attempt is a full HTTP Request (defaults,
 * header, cookie, auth managers, redirects, embedded resources as usual). It goes through every
 * budget that applies to its method and path. On 429 (503 when enabled, 403 with a used-up quota)
 * it pauses those budgets for the server's wait, so every thread holds, then retries through
 * them within the configured limits. Any response whose headers say a quota is used up pauses
 * them before the server has to refuse, and adaptive budgets learn from every answer.
 */
public class RateGuardHttpSampler extends HTTPSamplerBase implements Interruptible, TestIterationListener {

    private static final long serialVersionUID = 1L;

    public static final String BUCKET = "RateGuard.bucket";
    public static final String MAX_RETRIES = "RateGuard.maxRetries";
    public static final String MAX_TOTAL_WAIT = "RateGuard.maxTotalWait";
    public static final String DEFAULT_WAIT = "RateGuard.defaultWait";
    public static final String MAX_WAIT = "RateGuard.maxWait";
    public static final String RETRY_ON_503 = "RateGuard.retryOn503";

    private static final WarnOnce MALFORMED_HINTS = new WarnOnce();

    static {
        // the plan loads this class before the test starts: the first 429 must not pay for class loading
        SignalWarmUp.ensure();
    }

    private transient HTTPAbstractImpl impl;
    private transient volatile boolean interrupted;

    @Override
    public SampleResult sample() {
        interrupted = false;
        RateLimitSettings settings;
        RequestBudgets route;
        try {
            settings = RateLimitSettings.read(this);
            route = RequestBudgets.resolve("RateGuard HTTP Request", getName(), settings.bucket(), this);
        } catch (IllegalArgumentException | IllegalStateException e) {
            PermitHandOff.take(this, "");
            TestStopper.stopBecause(e.getMessage());
            return notSent(e.getMessage());
        }
        List<Budget> budgets = route.budgets();
        Acquisition first;
        try {
            first = PermitHandOff.take(this, route.key())
                    .orElseGet(() -> acquireFirst(budgets));
        } catch (BudgetUnavailableException e) {
            // a shared budget's store is gone and the user chose to fail: the sample says why
            String message = "RateGuard HTTP Request '" + getName() + "': " + e.getMessage() + ".";
            TestStopper.stopBecause(message);
            return notSent(message);
        }
        long throttleNanos = first.waitedNanos();
        long pauseNanos = first.pausedNanos();
        // between the permit and here JMeter runs pre-processors, and a busy machine may not run
        // this thread for a while: a pause decided meanwhile, or a send that comes too late for
        // the server's window, holds the request here
        long held = first.granted() ? holdBeforeSending(budgets, first, guard(JMeterWaitGuard.forCurrentThread())) : -1;
        if (held < 0) {
            SampleFigures.publish(throttleNanos / 1_000_000, pauseNanos / 1_000_000, 0);
            return null; // Stop or Shutdown while waiting: nothing was sent, so there is no sample
        }
        throttleNanos += held;
        pauseNanos += held;
        List<HTTPSampleResult> attempts = new ArrayList<>(2);
        String failure = null;
        Duration waitedForRetries = Duration.ZERO;
        while (true) {
            HTTPSampleResult attempt = toHttpResult(super.sample());
            attempts.add(attempt);
            RateLimitVerdict verdict = verdictOf(attempt, settings);
            if (verdict == null || !verdict.isRateLimited()) {
                RateFeedback.answered(budgets, verdict);
                break;
            }
            Duration wait = verdict.waitOr(settings.policy().defaultWait());
            List<Budget> targets = RateFeedback.targetsOf(budgets, verdict);
            targets.forEach(b -> RateLimitedAnswers.record(JMeterContextService.getTestStartTime(), b.name()));
            // the server's word holds every thread of the budgets it concerns, even when this sample gives up
            RateFeedback.rateLimited(targets, wait);
            RetryDecision decision = settings.policy().decide(attempts.size(), waitedForRetries, wait, verdict.reason());
            if (!decision.retry()) {
                failure = "RateGuard: " + decision.failure();
                break;
            }
            // a retry wait ends at the thread group's scheduled end too, or a 60 s Retry-After
            // would outlive a 5 s test; the sample then fails and says so
            JMeterWaitGuard jmeter = JMeterWaitGuard.forCurrentThread();
            Acquisition next;
            try {
                next = JointAcquisition.acquire(budgets, guard(jmeter), NanoClock.system());
            } catch (BudgetUnavailableException e) {
                failure = "RateGuard: gave up after " + RetryPolicy.attempts(attempts.size()) + ": " + e.getMessage();
                TestStopper.stopBecause("RateGuard HTTP Request '" + getName() + "': " + e.getMessage() + ".");
                break;
            }
            throttleNanos += next.waitedNanos();
            pauseNanos += next.pausedNanos();
            waitedForRetries = waitedForRetries.plusNanos(next.waitedNanos());
            // the retry goes through the same send-time check, so the send log stays true
            long heldNext = next.granted() ? holdBeforeSending(budgets, next, guard(jmeter)) : -1;
            if (heldNext > 0) {
                throttleNanos += heldNext;
                pauseNanos += heldNext;
                waitedForRetries = waitedForRetries.plusNanos(heldNext);
            }
            if (heldNext < 0) {
                failure = "RateGuard: gave up after " + RetryPolicy.attempts(attempts.size()) + ": " + verdict.reason()
                        + "; " + (interrupted ? "the test was stopped" : jmeter.whyStopped()) + " during the wait to retry";
                break;
            }
        }
        SampleFigures.publish(throttleNanos / 1_000_000, pauseNanos / 1_000_000, attempts.size() - 1);
        if (attempts.size() == 1) {
            HTTPSampleResult only = attempts.get(0);
            if (failure != null) {
                AttemptResults.markFailed(only, failure);
            }
            return only;
        }
        return AttemptResults.combine(getName(), attempts, failure);
    }

    /**
     * Each budget's last check before sending; -1 when a wait was cut short. One budget checks
     * its send log by the permit's grant number; a joint permit carries none, so layered budgets
     * check their pauses only.
     */
    private static long holdBeforeSending(List<Budget> budgets, Acquisition permit, WaitGuard guard) {
        long held = 0;
        for (Budget b : budgets) {
            long h = b.holdBeforeSending(permit, guard);
            if (h < 0) {
                return -1;
            }
            held += h;
        }
        return held;
    }

    /** The first permit(s) when no RateGuard Timer took them for this sample. */
    private Acquisition acquireFirst(List<Budget> budgets) {
        Acquisition a = JointAcquisition.acquire(budgets, guard(JMeterWaitGuard.forCurrentThread()), NanoClock.system());
        if (a.granted()) {
            SampleFigures.publishIntendedStart(a);
        }
        return a;
    }

    /**
     * What the response says about rate limits; null when it is not an HTTP response. Headers
     * are read on every response (a used-up quota or an announced limit may come with a 200);
     * the body only on the statuses that can be rate limiting.
     */
    private RateLimitVerdict verdictOf(HTTPSampleResult attempt, RateLimitSettings settings) {
        int status;
        try {
            status = Integer.parseInt(attempt.getResponseCode());
        } catch (NumberFormatException notHttp) {
            return null; // e.g. a connection error: JMeter's own result says what happened
        }
        boolean mayBeRateLimit = settings.signals().isRateLimitStatus(status) || status == 403;
        RateLimitVerdict verdict = settings.signals().interpret(status,
                ResponseHeaders.parse(attempt.getResponseHeaders()),
                mayBeRateLimit ? attempt.getResponseDataAsString() : null, Instant.now());
        verdict.malformedHints().forEach(MALFORMED_HINTS::warn);
        return verdict;
    }

    private static HTTPSampleResult toHttpResult(SampleResult r) {
        if (r instanceof HTTPSampleResult http) {
            return http;
        }
        HTTPSampleResult wrapped = new HTTPSampleResult();
        wrapped.setSampleLabel(r.getSampleLabel());
        wrapped.setResponseCode(r.getResponseCode());
        wrapped.setResponseMessage(r.getResponseMessage());
        wrapped.setSuccessful(r.isSuccessful());
        wrapped.setResponseData(r.getResponseData());
        return wrapped;
    }

    private HTTPSampleResult notSent(String message) {
        HTTPSampleResult r = new HTTPSampleResult();
        r.setSampleLabel(getName());
        r.sampleStart();
        r.sampleEnd();
        r.setResponseCode("RateGuard");
        r.setResponseMessage(message);
        AttemptResults.markFailed(r, message);
        return r;
    }

    /** JMeter's own guard, plus this sampler's interrupt() (JMeter's Stop calls it too). */
    private WaitGuard guard(WaitGuard jmeter) {
        return () -> !interrupted && jmeter.keepWaiting();
    }

    @Override
    protected HTTPSampleResult sample(URL u, String method, boolean areFollowingRedirect, int depth) {
        // Same delegation as JMeter's HTTPSamplerProxy (which is final): the implementation is
        // chosen late because HTTP Request Defaults may name it; clones for embedded resources
        // arrive here with impl still null.
        if (impl == null) {
            try {
                impl = RateGuardHttpImplBridge.create(getImplementation(), this);
            } catch (Exception ex) {
                return errorResult(ex, new HTTPSampleResult());
            }
        }
        return RateGuardHttpImplBridge.sample(impl, u, method, areFollowingRedirect, depth);
    }

    @Override
    public void threadFinished() {
        if (impl != null) {
            RateGuardHttpImplBridge.threadFinished(impl);
        }
    }

    @Override
    public boolean interrupt() {
        interrupted = true;
        return impl != null && impl.interrupt();
    }

    @Override
    public void testIterationStart(LoopIterationEvent event) {
        if (impl != null) {
            RateGuardHttpImplBridge.notifyFirstSampleAfterLoopRestart(impl);
        }
    }

    public String getBucketName() {
        return getPropertyAsString(BUCKET, RateGuardBucket.DEFAULT_NAME);
    }

    public void setBucketName(String value) {
        setProperty(BUCKET, value);
    }

    public String getMaxRetries() {
        return getPropertyAsString(MAX_RETRIES, RateLimitSettings.DEFAULT_MAX_RETRIES);
    }

    public void setMaxRetries(String value) {
        setProperty(MAX_RETRIES, value);
    }

    public String getMaxTotalWait() {
        return getPropertyAsString(MAX_TOTAL_WAIT, RateLimitSettings.DEFAULT_MAX_TOTAL_WAIT);
    }

    public void setMaxTotalWait(String value) {
        setProperty(MAX_TOTAL_WAIT, value);
    }

    public String getDefaultWait() {
        return getPropertyAsString(DEFAULT_WAIT, RateLimitSettings.DEFAULT_WAIT);
    }

    public void setDefaultWait(String value) {
        setProperty(DEFAULT_WAIT, value);
    }

    public String getMaxWait() {
        return getPropertyAsString(MAX_WAIT, RateLimitSettings.DEFAULT_MAX_WAIT);
    }

    public void setMaxWait(String value) {
        setProperty(MAX_WAIT, value);
    }

    public String getRetryOn503() {
        return getPropertyAsString(RETRY_ON_503, "false");
    }

    public void setRetryOn503(String value) {
        setProperty(RETRY_ON_503, value);
    }
}
