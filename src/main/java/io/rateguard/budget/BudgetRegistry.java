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

    public Budget define(long runId, BudgetSpec spec) {
        return define(runId, spec, "a bucket");
    }

    public Budget define(long runId, BudgetSpec spec, String definedBy) {
        return define(runId, spec, definedBy, factory);
    }

    /**
     * Defines a budget for a run. Defining the same name twice in one run with the same spec
     * returns the same budget; with a different spec it is an error naming both definers
     * ({@code definedBy}, e.g. "RateGuard Bucket 'Token budget'"). {@code factory} makes this
     * definition's budget (a Redis budget, say) when the name is new in the run.
     */
    public synchronized Budget define(long runId, BudgetSpec spec, String definedBy,
                                      Function<BudgetSpec, Budget> factory) {
        if (current.id != runId) {
            current = new Run(runId);
        }
        Budget existing = current.budgets.get(spec.name());
        if (existing != null) {
            if (!existing.spec().equals(spec)) {
                throw new IllegalArgumentException(definedBy + " and " + current.definers.get(spec.name())
                        + " are both named '" + spec.name() + "' with different limits: " + spec + " and "
                        + existing.spec() + ". Rename one, or give both the same limits.");
            }
            return existing;
        }
        Budget budget = factory.apply(spec);
        current.budgets.put(spec.name(), budget);
        current.definers.put(spec.name(), definedBy);
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
        final Map<String, String> definers = new ConcurrentHashMap<>();

        Run(long id) {
            this.id = id;
        }
    }
}
