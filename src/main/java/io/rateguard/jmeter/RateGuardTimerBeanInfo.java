package io.rateguard.jmeter;

import org.apache.jmeter.testbeans.BeanInfoSupport;

import java.beans.PropertyDescriptor;

/** The RateGuard Timer's GUI: the bucket it paces through (texts in the Resources file). */
public class RateGuardTimerBeanInfo extends BeanInfoSupport {

    public RateGuardTimerBeanInfo() {
        super(RateGuardTimer.class);
        createPropertyGroup("pacing", new String[] {"bucketName"});
        PropertyDescriptor p = property("bucketName");
        p.setValue(NOT_UNDEFINED, Boolean.TRUE);
        p.setValue(DEFAULT, RateGuardBucket.DEFAULT_NAME);
    }
}
