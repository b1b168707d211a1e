package io.rateguard.sim;

/** Served (2xx) and refused (429) API requests that arrived in one second since the simulator started. */
public record SecondCounts(long second, long served, long refused) {
}
