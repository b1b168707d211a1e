package io.rateguard.jmeter;

import io.rateguard.budget.AdaptiveBudget;
import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetSpec;
import io.rateguard.budget.LocalBudget;
import io.rateguard.routing.RequestMatcher;

/**
 * What a RateGuard Bucket's fields define: the budget (for an adaptive bucket, its limit per
 * period is the starting guess), the requests it applies to, and whether it adapts.
 */
record BucketDefinition(BudgetSpec spec, RequestMatcher matcher, boolean adaptive, BucketPreset preset) {

    Budget newBudget() {
        return adaptive ? new AdaptiveBudget(spec) : new LocalBudget(spec);
    }

    @Override
    public String toString() {
        return spec + ", for " + matcher + (adaptive ? ", adaptive from that guess" : "")
                + (preset == BucketPreset.CUSTOM ? "" : ", preset " + preset.label());
    }
}
