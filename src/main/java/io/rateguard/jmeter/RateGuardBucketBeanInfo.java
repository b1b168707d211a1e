package io.rateguard.jmeter;

import org.apache.jmeter.testbeans.BeanInfoSupport;

import java.beans.PropertyDescriptor;

/** Fields, defaults and grouping of the RateGuard Bucket's GUI (texts in the Resources file). */
public class RateGuardBucketBeanInfo extends BeanInfoSupport {

    public RateGuardBucketBeanInfo() {
        super(RateGuardBucket.class);
        createPropertyGroup("budget", new String[] {"bucketName", "preset", "limit", "period", "burst", "initialTokens"});
        createPropertyGroup("routing", new String[] {"requestMatcher", "adaptive"});
        PropertyDescriptor presets = property("preset");
        presets.setValue(NOT_UNDEFINED, Boolean.TRUE);
        presets.setValue(DEFAULT, BucketPreset.CUSTOM.label());
        presets.setValue(NOT_EXPRESSION, Boolean.FALSE);
        presets.setValue(NOT_OTHER, Boolean.FALSE); // a ${__P(...)} may choose the preset
        presets.setValue(TAGS, BucketPreset.labels());
        text("requestMatcher", "");
        // text, not a check box: ${__P(...)} must work here too; "False" as JMeter's GUI writes it
        text("adaptive", "False");
        text("bucketName", RateGuardBucket.DEFAULT_NAME);
        text("limit", "300");
        text("period", "60");
        text("burst", "1");
        text("initialTokens", "1");
        createPropertyGroup("sharing", new String[] {"backend", "redisUrl", "keyPrefix", "scope", "onFailure", "engines"});
        text("backend", "local");
        text("redisUrl", RedisBackendFields.DEFAULT_URL);
        text("keyPrefix", RedisBackendFields.DEFAULT_PREFIX);
        text("scope", "");
        text("onFailure", "fail");
        text("engines", "1");
    }

    private void text(String name, String defaultValue) {
        PropertyDescriptor p = property(name);
        p.setValue(NOT_UNDEFINED, Boolean.TRUE);
        p.setValue(DEFAULT, defaultValue);
    }
}
