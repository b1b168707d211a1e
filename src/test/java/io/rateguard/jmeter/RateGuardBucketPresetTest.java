package io.rateguard.jmeter;

import io.rateguard.budget.AdaptiveBudget;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.budget.LocalBudget;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class RateGuardBucketPresetTest {

    private static RateGuardBucket bucket(String preset, String matcher, String adaptive) {
        RateGuardBucket b = new RateGuardBucket();
        b.setName("IVR writes");
        b.setBucketName("ivr-put");
        b.setLimit("7");
        b.setPeriod("1");
        b.setBurst("1");
        b.setInitialTokens("1");
        b.setPreset(preset);
        b.setRequestMatcher(matcher);
        b.setAdaptive(adaptive);
        return b;
    }

    @Test
    void thePutIvrPresetSetsLimitPeriodAndMatcher() {
        BucketDefinition d = bucket("Genesys Cloud: PUT IVR (100/min)", "ignored /x", "false").toDefinition();
        assertEquals(new BudgetSpec("ivr-put", 100, Duration.ofSeconds(60), 1, 1), d.spec());
        assertTrue(d.matcher().matches("PUT", "/api/v2/architect/ivrs/abc"));
        assertFalse(d.matcher().matches("GET", "/api/v2/architect/ivrs/abc"));
        assertInstanceOf(LocalBudget.class, d.newBudget());
    }

    @Test
    void theTokenPresetTakesEveryRequest() {
        BucketDefinition d = bucket("genesys_token", "", "false").toDefinition();
        assertEquals(300, d.spec().limit());
        assertTrue(d.matcher().matchesEverything());
    }

    @Test
    void customUsesTheFieldsAndAdaptiveStartsFromTheGuess() {
        BucketDefinition d = bucket("Custom", "PUT|PATCH /api/v2/flows/*", "true").toDefinition();
        assertEquals(7, d.spec().limit());
        assertTrue(d.matcher().matches("patch", "/api/v2/flows/1"));
        AdaptiveBudget budget = assertInstanceOf(AdaptiveBudget.class, d.newBudget());
        assertEquals(7.0, budget.ratePerSecond());
    }

    private static String error(RateGuardBucket b) {
        return assertThrows(IllegalArgumentException.class, b::toDefinition).getMessage();
    }

    @Test
    void badValuesNameTheElementTheFieldAndTheValue() {
        assertEquals("RateGuard Bucket 'IVR writes': preset 'Genesys: everything' is not one of: Custom;"
                + " Genesys Cloud: client-credentials token (300/min); Genesys Cloud: PUT IVR (100/min)",
                error(bucket("Genesys: everything", "", "false")));
        assertEquals("RateGuard Bucket 'IVR writes': request matcher 'PUT api/v2' the path must start with '/'",
                error(bucket("Custom", "PUT api/v2", "false")));
        assertEquals("RateGuard Bucket 'IVR writes': adaptive 'maybe' is not true or false",
                error(bucket("Custom", "", "maybe")));
        RateGuardBucket star = bucket("Custom", "", "false");
        star.setBucketName("*");
        assertTrue(error(star).startsWith("RateGuard Bucket 'IVR writes': bucket name '*' is reserved"));
    }
}
