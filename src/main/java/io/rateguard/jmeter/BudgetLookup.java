package io.rateguard.jmeter;

import io.rateguard.budget.Budget;
import io.rateguard.budget.BudgetRegistry;
import org.apache.jmeter.threads.JMeterContextService;

/**
 * Finds the budget a Timer or sampler names, for the current run. A name that no RateGuard
 * Bucket defines is an error naming both the element and the bucket.
 */
final class BudgetLookup {

    private BudgetLookup() {
    }

    static Budget require(String elementKind, String elementName, String bucketName) {
        long run = JMeterContextService.getTestStartTime();
        BudgetRegistry registry = BudgetRegistry.shared();
        return registry.find(run, bucketName).orElseThrow(() -> new IllegalStateException(
                elementKind + " '" + elementName + "' uses bucket '" + bucketName
                        + "' but no RateGuard Bucket in the plan defines it (defined: "
                        + (registry.names(run).isEmpty() ? "none" : String.join(", ", registry.names(run)))
                        + "). Add a RateGuard Bucket named '" + bucketName + "' or correct the name."));
    }
}
