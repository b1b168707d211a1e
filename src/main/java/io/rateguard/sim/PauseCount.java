package io.rateguard.sim;

/**
 * For one 429: how many API requests of the same token arrived while the client should have
 * been pausing. A well-behaved shared-pause client gets 0 for every refusal.
 */
public record PauseCount(RequestEvent refusal, int requestsDuringPause) {
}
