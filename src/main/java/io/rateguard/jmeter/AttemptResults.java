package io.rateguard.jmeter;

import org.apache.jmeter.assertions.AssertionResult;
import org.apache.jmeter.protocol.http.sampler.HTTPSampleResult;

import java.util.List;

/**
 * Builds the result of a request that took several attempts: the outcome and timing of the last
 * attempt (so latency is the server's, not the waiting), every attempt as a sub-result labelled
 * {@code <label>-attempt-<n>}, and the bytes of all of them.
 */
final class AttemptResults {

    private AttemptResults() {
    }

    static HTTPSampleResult combine(String label, List<HTTPSampleResult> attempts, String failure) {
        HTTPSampleResult last = attempts.get(attempts.size() - 1);
        HTTPSampleResult parent = new HTTPSampleResult();
        long start = last.getStartTime();
        long elapsed = last.getEndTime() - start;
        parent.setStampAndTime(parent.isStampedAtStart() ? start : last.getEndTime(), elapsed);
        parent.setSampleLabel(label);
        parent.setURL(last.getURL());
        parent.setHTTPMethod(last.getHTTPMethod());
        parent.setQueryString(last.getQueryString());
        parent.setCookies(last.getCookies());
        parent.setRedirectLocation(last.getRedirectLocation());
        parent.setSamplerData(last.getSamplerData());
        parent.setRequestHeaders(last.getRequestHeaders());
        parent.setResponseCode(last.getResponseCode());
        parent.setResponseMessage(last.getResponseMessage());
        parent.setResponseHeaders(last.getResponseHeaders());
        parent.setResponseData(last.getResponseData());
        parent.setContentType(last.getContentType());
        parent.setDataType(last.getDataType());
        parent.setDataEncoding(last.getDataEncodingNoDefault());
        parent.setLatency(last.getLatency());
        parent.setConnectTime(last.getConnectTime());
        // JMeter derives received bytes from headers + body size when those are set, so all three
        // are summed: every attempt crossed the network
        long bytes = 0;
        long sent = 0;
        long headers = 0;
        long body = 0;
        for (int i = 0; i < attempts.size(); i++) {
            HTTPSampleResult a = attempts.get(i);
            bytes += a.getBytesAsLong();
            sent += a.getSentBytes();
            headers += a.getHeadersSize();
            body += a.getBodySizeAsLong();
            a.setSampleLabel(label + "-attempt-" + (i + 1));
            parent.storeSubResult(a, false);
        }
        parent.setBytes(bytes);
        parent.setSentBytes(sent);
        parent.setHeadersSize((int) Math.min(Integer.MAX_VALUE, headers));
        parent.setBodySize(body);
        if (failure == null) {
            parent.setSuccessful(last.isSuccessful());
        } else {
            markFailed(parent, failure);
        }
        return parent;
    }

    /** Fails a result with RateGuard's message, which then shows as the JTL's failureMessage. */
    static void markFailed(HTTPSampleResult result, String failure) {
        result.setSuccessful(false);
        AssertionResult why = new AssertionResult("RateGuard");
        why.setFailure(true);
        why.setFailureMessage(failure);
        result.addAssertionResult(why);
    }
}
