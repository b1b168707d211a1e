package io.rateguard.jmeter;

import org.apache.jmeter.testbeans.BeanInfoSupport;

import java.beans.PropertyDescriptor;

/** Fields, defaults and grouping of the RateGuard Bucket's GUI (texts in the Resources file). */
public class RateGuardBucketBeanInfo extends BeanInfoSupport {

    public RateGuardBucketBeanInfo() {
        super(RateGuardBucket.class);
        createPropertyGroup("budget", new String[] {"bucketName", "limit", "period", "burst", "initialTokens"});
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
