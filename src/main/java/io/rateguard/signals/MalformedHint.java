package io.rateguard.signals;

import java.util.Objects;

/**
 * A server hint that was present but could not be used, kept so that the caller can warn a user
 * about it (once, see {@link WarnOnce}) rather than silently applying its default.
 *
 * @param source  the header that carried it, e.g. {@code Retry-After}
 * @param value   the value as received (trimmed)
 * @param problem why it is unusable
 */
public record MalformedHint(String source, String value, String problem) {

    public MalformedHint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
    }
}
