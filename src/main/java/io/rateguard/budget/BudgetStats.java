package io.rateguard.budget;

/**
 * Counters of one budget since it was created, for progress lines and summaries.
 */
public record BudgetStats(long granted, long cancelled, long pauses, long pausedNanos, long waitedNanos) {
}
