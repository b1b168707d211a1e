package io.rateguard.jmeter;

import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetRegistry;
import io.rateguard.budget.BudgetUnavailableException;
import io.rateguard.budget.redis.RedisBudget;
import io.rateguard.budget.redis.RedisLocation;
import io.rateguard.budget.redis.RedisSettings;
import org.apache.jmeter.gui.GuiPackage;
import org.apache.jmeter.services.FileServer;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.routing.RequestMatcher;
import io.rateguard.routing.RouteTable;
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
    // shared budget across engines (issue 5): see docs/distributed.md
    private transient String backend = "local";
    private transient String redisUrl = RedisBackendFields.DEFAULT_URL;
    private transient String keyPrefix = RedisBackendFields.DEFAULT_PREFIX;
    private transient String scope = "";
    private transient String onFailure = "fail";
    private transient String engines = "1";
    private transient long definedInRun;
    private transient String definedName;
    private transient String preset = BucketPreset.CUSTOM.label();
    private transient String requestMatcher = "";
    private transient String adaptive = "false";

    /** The budget definition these fields describe, or an error naming this element and the bad value. */
    BudgetSpec toSpec() {
        return toDefinition().spec();
    }

    /** The budget, its matcher and mode, or an error naming this element, the field and the value. */
    BucketDefinition toDefinition() {
        FieldParser p = new FieldParser("RateGuard Bucket", getName());
        String name = p.text("bucket name", bucketName, DEFAULT_NAME);
        if (name.equals(RouteTable.ROUTE_ALL)) {
            throw p.bad("bucket name", name, "is reserved: Timers and HTTP Requests use it to mean every matching bucket");
        }
        BucketPreset chosen = BucketPreset.fromLabel(preset, p);
        boolean custom = chosen == BucketPreset.CUSTOM;
        long lim = custom ? p.wholeNumber("limit", limit, 300, 1) : chosen.limit();
        Duration per = custom ? p.seconds("period (seconds)", period, Duration.ofSeconds(60), false) : chosen.period();
        String matcherText = custom ? p.text("request matcher", requestMatcher, "") : chosen.matcher();
        RequestMatcher matcher;
        try {
            matcher = RequestMatcher.parse(matcherText);
        } catch (IllegalArgumentException e) {
            throw p.bad("request matcher", matcherText, e.getMessage());
        }
        boolean adapts = p.flag("adaptive", adaptive, false);
        long cap = p.wholeNumber("burst capacity", burst, 1, 1);
        long initial = p.wholeNumber("initial tokens", initialTokens, Math.min(1, cap), 0);
        if (initial > cap) {
            throw p.bad("initial tokens", initialTokens, "must not exceed the burst capacity " + cap);
        }
        return new BucketDefinition(new BudgetSpec(name, lim, per, cap, initial), matcher, adapts, chosen);
    }

    @Override
    public void testStarted() {
        long run = JMeterContextService.getTestStartTime();
        Budget budget;
        BucketDefinition definition;
        try {
            definition = toDefinition();
            BudgetSpec spec = definition.spec();
            definedInRun = run;
            definedName = spec.name();
            budget = defineBudget(run, definition);
        } catch (IllegalArgumentException | BudgetUnavailableException e) {
            // shown on the console (non-GUI) or in a dialog; the engine then aborts the start
            String message = e.getMessage().startsWith("RateGuard") ? e.getMessage()
                    : "RateGuard Bucket '" + getName() + "': " + e.getMessage();
            JMeterUtils.reportErrorToUser(sentence(message) + " The test does not start.", "RateGuard");
            throw new IllegalArgumentException(message, null);
        }
        RouteTable.shared().register(run, definition.spec().name(), definition.matcher());
        RateFeedback.publishRate(budget);
        RateLimitSignals.prepare();
        log.info("RateGuard Bucket '{}' ready: {}, {}", getName(), budget, definition);
        ProgressLog.start(run);
    }

    private Budget defineBudget(long run, BucketDefinition definition) {
        FieldParser p = new FieldParser("RateGuard Bucket", getName());
        BudgetSpec spec = definition.spec();
        if (!RedisBackendFields.isRedis(p, backend)) {
            return BudgetRegistry.shared().define(run, spec, definer(), s -> definition.newBudget());
        }
        if (definition.adaptive()) {
            // each engine would learn its own rate and the shared count would follow none of them
            throw p.bad("adaptive", adaptive, "is only possible with the local backend");
        }
        RedisSettings settings = RedisBackendFields.read(p, redisUrl, keyPrefix, scope, onFailure, engines,
                FileServer.getFileServer().getScriptName(), JMeterUtils.getProperty(RedisBackendFields.RUN_ID_PROPERTY),
                System.getenv(RedisLocation.PASSWORD_ENV));
        return BudgetRegistry.shared().define(run, spec, definer(), s -> RedisBudget.open(s, settings, this::warn));
    }

    private void warn(String message) {
        String text = "RateGuard Bucket '" + getName() + "': " + message;
        log.warn(text);
        if (GuiPackage.getInstance() == null) {
            // non-GUI runs: the operator watches the console, not jmeter.log
            System.out.println("RateGuard warning: " + text);
        }
    }

    private String definer() {
        return "RateGuard Bucket '" + getName() + "'";
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
        // the progress log prints its totals; local budgets live until the next run replaces them,
        // a Redis budget's connection closes now
        ProgressLog.stop();
        if (definedName == null) {
            return;
        }
        BudgetRegistry.shared().find(definedInRun, definedName).stream()
                .filter(b -> b instanceof AutoCloseable)
                .forEach(b -> {
                    if (b instanceof RedisBudget redis) {
                        String line = "RateGuard Bucket '" + b.name() + "' on Redis: " + redis.report();
                        log.info(line);
                        if (GuiPackage.getInstance() == null) {
                            System.out.println(line);
                        }
                    }
                    try {
                        ((AutoCloseable) b).close();
                    } catch (Exception e) {
                        log.warn("RateGuard Bucket '{}': closing {} failed: {}", getName(), b.name(), e.toString());
                    }
                });
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
    public String getBackend() {
        return backend;
    }

    public void setBackend(String backend) {
        this.backend = backend;
    }

    public String getRedisUrl() {
        return redisUrl;
    }

    public void setRedisUrl(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(String onFailure) {
        this.onFailure = onFailure;
    }

    public String getEngines() {
        return engines;
    }

    public void setEngines(String engines) {
        this.engines = engines;
    }

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = preset;
    }

    public String getRequestMatcher() {
        return requestMatcher;
    }

    public void setRequestMatcher(String requestMatcher) {
        this.requestMatcher = requestMatcher;
    }

    public String getAdaptive() {
        return adaptive;
    }

    public void setAdaptive(String adaptive) {
        this.adaptive = adaptive;
    }
}
