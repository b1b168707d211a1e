package io.rateguard.jmeter;

import org.apache.jmeter.protocol.http.sampler.HTTPSampleResult;
import org.apache.jmeter.samplers.SampleResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AttemptResultsTest {

    private static HTTPSampleResult attempt(long start, long elapsed, String code, boolean ok, int bytes) {
        HTTPSampleResult r = new HTTPSampleResult();
        r.setStampAndTime(start, elapsed);
        r.setLatency(elapsed / 2);
        r.setResponseCode(code);
        r.setResponseMessage(ok ? "OK" : "Too Many Requests");
        r.setSuccessful(ok);
        r.setBytes((long) bytes);
        r.setSentBytes(10);
        r.setResponseData("body " + code, "UTF-8");
        r.setHeadersSize(bytes / 2);
        r.setBodySize((long) bytes / 2);
        return r;
    }

    @Test
    void theParentCarriesTheLastAttemptsOutcomeAndTimingAndEveryAttemptAsASubResult() {
        HTTPSampleResult first = attempt(1_000, 5, "429", false, 100);
        HTTPSampleResult last = attempt(4_000, 20, "200", true, 300);
        HTTPSampleResult parent = AttemptResults.combine("Get flow", List.of(first, last), null);

        assertTrue(parent.isSuccessful());
        assertEquals("200", parent.getResponseCode());
        assertEquals("body 200", parent.getResponseDataAsString());
        assertEquals(20, parent.getTime(), "elapsed is the server's time for the last attempt, not the wait");
        assertEquals(10, parent.getLatency());
        assertEquals(400, parent.getBytesAsLong(), "all attempts' bytes");
        assertEquals(20, parent.getSentBytes());
        SampleResult[] subs = parent.getSubResults();
        assertEquals(2, subs.length);
        assertEquals("Get flow-attempt-1", subs[0].getSampleLabel());
        assertEquals("429", subs[0].getResponseCode());
        assertEquals("Get flow-attempt-2", subs[1].getSampleLabel());
    }

    @Test
    void bytesAddUpEvenWhenOnlyTheTotalIsKnown() {
        HTTPSampleResult a = new HTTPSampleResult();
        a.setStampAndTime(1_000, 1);
        a.setBytes(70L);
        HTTPSampleResult b = new HTTPSampleResult();
        b.setStampAndTime(2_000, 1);
        b.setBytes(30L);
        assertEquals(100, AttemptResults.combine("x", List.of(a, b), null).getBytesAsLong());
    }

    @Test
    void aFailureMessageFailsTheParentAndShowsAsItsAssertionFailure() {
        HTTPSampleResult only = attempt(1_000, 5, "429", false, 100);
        HTTPSampleResult again = attempt(2_000, 5, "429", false, 100);
        HTTPSampleResult parent = AttemptResults.combine("Get flow", List.of(only, again), "RateGuard: gave up after 2 attempts");
        assertFalse(parent.isSuccessful());
        assertEquals("429", parent.getResponseCode());
        assertEquals("RateGuard: gave up after 2 attempts", parent.getAssertionResults()[0].getFailureMessage());
    }
}
