package io.rateguard.budget;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JVM-wide home of budgets, one per (test run, name). A new run id (JMeter's test start
 * time) drops the previous run's budgets, so a second run in the same GUI starts full and
 * unpaused.
 */
public final class BudgetRegistry {

    private static final BudgetRegistry SHARED = new BudgetRegistry(LocalBudget::new);

    private final Function<BudgetSpec, Budget> factory;
    private volatile Run current = new Run(Long.MIN_VALUE);

    public BudgetRegistry(Function<BudgetSpec, Budget> factory) {
        this.factory = factory;
    }

    public static BudgetRegistry shared() {
        return SHARED;
    }

    /**
     * Defines a budget for a run. Defining the same name twice in one run with the same spec
     * returns the same budget; with a different spec it is an error naming both.
     */
    public Budget define(long runId, BudgetSpec spec) {
        return define(runId, spec, factory);
    }

    /** As {@link #define(long, BudgetSpec)}, with a factory of this definition's own (a Redis budget, say). */
    public synchronized Budget define(long runId, BudgetSpec spec, Function<BudgetSpec, Budget> factory) {
        if (current.id != runId) {
            current = new Run(runId);
        }
        Budget existing = current.budgets.get(spec.name());
        if (existing != null) {
            if (!existing.spec().equals(spec)) {
                throw new IllegalArgumentException("two RateGuard Buckets are named '" + spec.name()
                        + "' with different limits: " + existing.spec() + " and " + spec);
            }
            return existing;
        }
        Budget budget = factory.apply(spec);
        current.budgets.put(spec.name(), budget);
        return budget;
    }

    public Optional<Budget> find(long runId, String name) {
        Run run = current;
        return run.id == runId ? Optional.ofNullable(run.budgets.get(name)) : Optional.empty();
    }

    /** Names defined in a run, sorted, for error messages. */
    public Set<String> names(long runId) {
        Run run = current;
        return run.id == runId ? new TreeSet<>(run.budgets.keySet()) : Set.of();
    }

    /** Budgets of a run, for progress lines. */
    public Map<String, Budget> budgets(long runId) {
        Run run = current;
        return run.id == runId ? Map.copyOf(run.budgets) : Map.of();
    }

    private static final class Run {
        final long id;
        final Map<String, Budget> budgets = new ConcurrentHashMap<>();

        Run(long id) {
            this.id = id;
        }
    }
}
