package io.rateguard.jmeter;

import io.rateguard.budget.Budget;
import io.rateguard.routing.RouteTable;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerBase;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.threads.JMeterContextService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The budgets one request goes through (see {@link RouteTable}), sorted by name, and the key
 * that lets the Timer hand its permits to the sampler it ran for.
 */
record RequestBudgets(List<Budget> budgets, String key) {

    /**
     * @param elementKind for messages, e.g. "RateGuard Timer"
     * @param named       the bucket the element names, or {@code *}
     * @param sampler     the request's sampler; its method and path pick matching buckets
     */
    static RequestBudgets resolve(String elementKind, String elementName, String named, Sampler sampler) {
        String method = null;
        String path = null;
        if (sampler instanceof HTTPSamplerBase http) {
            method = http.getMethod();
            path = http.getPath();
        }
        long run = JMeterContextService.getTestStartTime();
        Set<String> names = RouteTable.shared().bucketsFor(run, named, method, path);
        if (names.isEmpty()) {
            throw new IllegalStateException(elementKind + " '" + elementName + "' routes " + describe(method, path)
                    + " through every matching bucket (*), but no RateGuard Bucket matches it. Give a bucket an"
                    + " empty request matcher to take every request, or name a bucket.");
        }
        List<Budget> budgets = new ArrayList<>(names.size());
        for (String name : names) {
            budgets.add(BudgetLookup.require(elementKind, elementName, name));
        }
        return new RequestBudgets(List.copyOf(budgets), String.join("\u0000", names));
    }

    private static String describe(String method, String path) {
        return method == null ? "a request that is not HTTP" : method + " " + path;
    }
}
