package io.rateguard.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class BudgetRegistryTest {

    private final BudgetRegistry registry = new BudgetRegistry(LocalBudget::new);

    @Test
    void theSameNameAndSpecInOneRunIsOneBudget() {
        BudgetSpec spec = BudgetSpec.paced("default", 300, Duration.ofMinutes(1));
        assertSame(registry.define(1, spec), registry.define(1, spec));
        assertTrue(registry.find(1, "default").isPresent());
    }

    @Test
    void aNewRunStartsWithFreshBudgets() {
        BudgetSpec spec = BudgetSpec.paced("default", 300, Duration.ofMinutes(1));
        Budget first = registry.define(1, spec);
        first.pause(Duration.ofSeconds(30));
        Budget second = registry.define(2, spec);
        assertNotSame(first, second);
        assertEquals(0, second.remainingPauseNanos());
        assertTrue(registry.find(1, "default").isEmpty(), "an old run's budgets are gone");
    }

    @Test
    void twoDifferentSpecsUnderOneNameAreAnErrorNamingBoth() {
        registry.define(1, BudgetSpec.paced("writes", 100, Duration.ofMinutes(1)), "RateGuard Bucket 'IVR writes'");
        var e = assertThrows(IllegalArgumentException.class,
                () -> registry.define(1, BudgetSpec.paced("writes", 50, Duration.ofMinutes(1)), "RateGuard Bucket 'Flow writes'"));
        assertEquals("RateGuard Bucket 'Flow writes' and RateGuard Bucket 'IVR writes' are both named 'writes' with"
                + " different limits: writes (50 per 60.0 s, burst 1, initial 1) and writes (100 per 60.0 s, burst 1,"
                + " initial 1). Rename one, or give both the same limits.", e.getMessage());
    }

    @Test
    void namesListsTheBucketsOfTheRun() {
        registry.define(7, BudgetSpec.paced("b", 1, Duration.ofSeconds(1)));
        registry.define(7, BudgetSpec.paced("a", 1, Duration.ofSeconds(1)));
        assertEquals(Set.of("a", "b"), registry.names(7));
        assertEquals(Set.of(), registry.names(8));
    }
}
