package org.apache.jmeter.protocol.http.sampler;

import java.net.URL;

/**
 * RateGuard's access to the protected methods of JMeter's HTTP implementations.
 * <p>
 * {@code HTTPSamplerProxy} is final and reaches {@code HTTPAbstractImpl.sample},
 * {@code threadFinished} and {@code notifyFirstSampleAfterLoopRestart} by living in this package;
 * the RateGuard sampler needs the same three calls to behave exactly like an HTTP Request, so this
 * one small class lives here too and only forwards.
 */
public final class RateGuardHttpImplBridge {

    private RateGuardHttpImplBridge() {
    }

    public static HTTPAbstractImpl create(String implementation, HTTPSamplerBase sampler) throws Exception {
        return HTTPSamplerFactory.getImplementation(implementation, sampler);
    }

    public static HTTPSampleResult sample(HTTPAbstractImpl impl, URL url, String method, boolean following, int depth) {
        return impl.sample(url, method, following, depth);
    }

    public static void threadFinished(HTTPAbstractImpl impl) {
        impl.threadFinished();
    }

    public static void notifyFirstSampleAfterLoopRestart(HTTPAbstractImpl impl) {
        impl.notifyFirstSampleAfterLoopRestart();
    }
}
