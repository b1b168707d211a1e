package io.rateguard.convert;

import io.rateguard.jmeter.RateGuardBucket;
import io.rateguard.jmeter.RateGuardHttpSampler;
import io.rateguard.jmeter.RateGuardTimer;
import io.rateguard.jmeter.gui.RateGuardHttpSamplerGui;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerProxy;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a loaded plan's HTTP Request samplers (HTTPSamplerProxy) into RateGuard HTTP Requests,
 * property by property, in place in the tree, so their children, position and every setting
 * stay; then adds a RateGuard Bucket and a RateGuard Timer under the Test Plan unless the plan
 * already has them.
 */
public final class PlanConverter {

    /** What a conversion changed, for the command's report. */
    public record Result(List<String> convertedSamplers, boolean bucketAdded, boolean timerAdded) {
    }

    private final ConvertOptions options;

    public PlanConverter(ConvertOptions options) {
        this.options = options;
    }

    public Result convert(HashTree plan) {
        TestPlan testPlan = testPlan(plan);
        List<String> converted = new ArrayList<>();
        convertLevel(plan, converted);
        HashTree top = plan.getTree(testPlan);
        boolean bucketAdded = false;
        if (!hasBucketNamed(plan, options.bucket())) {
            top.add(bucket());
            bucketAdded = true;
        }
        boolean timerAdded = false;
        // anywhere in the plan: a second Timer over the same samplers would take two tokens a sample
        if (!hasAny(plan, RateGuardTimer.class)) {
            top.add(timer());
            timerAdded = true;
        }
        return new Result(converted, bucketAdded, timerAdded);
    }

    private void convertLevel(HashTree level, List<String> converted) {
        for (Object key : new ArrayList<>(level.list())) {
            Object current = key;
            if (key instanceof HTTPSamplerProxy stock) {
                RateGuardHttpSampler rg = toRateGuard(stock);
                level.replaceKey(stock, rg);
                converted.add(stock.getName());
                current = rg;
            }
            convertLevel(level.getTree(current), converted);
        }
    }

    /** Every property of the stock sampler, cloned, then RateGuard's own class, GUI and bucket. */
    RateGuardHttpSampler toRateGuard(HTTPSamplerProxy stock) {
        RateGuardHttpSampler rg = new RateGuardHttpSampler();
        for (PropertyIterator it = stock.propertyIterator(); it.hasNext(); ) {
            JMeterProperty p = it.next();
            rg.setProperty((JMeterProperty) p.clone());
        }
        rg.setProperty(TestElement.TEST_CLASS, RateGuardHttpSampler.class.getName());
        rg.setProperty(TestElement.GUI_CLASS, RateGuardHttpSamplerGui.class.getName());
        rg.setProperty(RateGuardHttpSampler.BUCKET, options.bucket());
        // the defaults written out, as the GUI saves them, so the plan shows what it runs with
        RateGuardHttpSampler defaults = new RateGuardHttpSampler();
        rg.setProperty(RateGuardHttpSampler.MAX_RETRIES, defaults.getMaxRetries());
        rg.setProperty(RateGuardHttpSampler.MAX_TOTAL_WAIT, defaults.getMaxTotalWait());
        rg.setProperty(RateGuardHttpSampler.DEFAULT_WAIT, defaults.getDefaultWait());
        rg.setProperty(RateGuardHttpSampler.MAX_WAIT, defaults.getMaxWait());
        rg.setProperty(RateGuardHttpSampler.RETRY_ON_503, defaults.getRetryOn503());
        return rg;
    }

    private RateGuardBucket bucket() {
        RateGuardBucket b = new RateGuardBucket();
        b.setName("RateGuard Bucket");
        b.setProperty(TestElement.TEST_CLASS, RateGuardBucket.class.getName());
        b.setProperty(TestElement.GUI_CLASS, TestBeanGUI.class.getName());
        // TestBean fields are saved as properties of the same names
        b.setProperty("bucketName", options.bucket());
        b.setProperty("limit", options.limit());
        b.setProperty("period", options.period());
        b.setProperty("burst", "1");
        b.setProperty("initialTokens", "1");
        b.setProperty(TestElement.COMMENTS, "Added by RateGuard convert: " + options.limit() + " requests per "
                + options.period() + " s, shared by every RateGuard element naming bucket '" + options.bucket() + "'.");
        return b;
    }

    private RateGuardTimer timer() {
        RateGuardTimer t = new RateGuardTimer();
        t.setName("RateGuard Timer");
        t.setProperty(TestElement.TEST_CLASS, RateGuardTimer.class.getName());
        t.setProperty(TestElement.GUI_CLASS, TestBeanGUI.class.getName());
        t.setProperty("bucketName", options.bucket());
        t.setProperty(TestElement.COMMENTS, "Added by RateGuard convert: paces every sampler of the plan through bucket '"
                + options.bucket() + "'.");
        return t;
    }

    private static TestPlan testPlan(HashTree plan) {
        return find(plan.list(), TestPlan.class).stream().findFirst().map(TestPlan.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("not a JMeter test plan: no Test Plan element at the top"));
    }

    private static boolean hasAny(HashTree plan, Class<?> type) {
        SearchByClass<?> search = new SearchByClass<>(type);
        plan.traverse(search);
        return !search.getSearchResults().isEmpty();
    }

    private static boolean hasBucketNamed(HashTree plan, String name) {
        SearchByClass<RateGuardBucket> search = new SearchByClass<>(RateGuardBucket.class);
        plan.traverse(search);
        return search.getSearchResults().stream()
                .anyMatch(b -> name.equals(b.getPropertyAsString("bucketName", "default")));
    }

    private static List<Object> find(java.util.Collection<?> keys, Class<?> type) {
        return keys.stream().filter(type::isInstance).map(Object.class::cast).toList();
    }
}
