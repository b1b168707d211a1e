package io.rateguard.harness;

/** A distinct failure message and how many logical samples failed with it. */
public record FailureCount(String message, long count) {
}
