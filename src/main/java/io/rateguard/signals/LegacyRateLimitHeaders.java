package io.rateguard.signals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}, from the
 * IETF drafts up to -06 and still sent by many gateways. Reset is delay-seconds. The limit may
 * carry quota policies ({@code RateLimit-Limit: 100, 100;w=60}, drafts -01 to -06): the window
 * of the policy whose quota equals the limit is the limit's window.
 */
final class LegacyRateLimitHeaders {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private LegacyRateLimitHeaders() {
    }

    static QuotaReading read(ResponseHeaders headers, Duration cap) {
        if (!headers.contains(LIMIT) && !headers.contains(REMAINING) && !headers.contains(RESET)) {
            return QuotaReading.NONE;
        }
        QuotaReading.Builder out = new QuotaReading.Builder();
        OptionalLong limit = OptionalLong.empty();
        Optional<Duration> window = Optional.empty();
        Optional<String> limitText = headers.first(LIMIT);
        if (limitText.isPresent()) {
            Optional<List<StructuredFields.Item>> items = StructuredFields.parseList(List.of(limitText.get()));
            if (items.isEmpty() || items.get().isEmpty() || !(items.get().get(0).value() instanceof Long first)
                    || first < 0) {
                out.malformed(LIMIT, limitText.get(), "not a request count");
            } else {
                limit = OptionalLong.of(first);
                for (StructuredFields.Item policy : items.get()) {
                    Optional<Long> w = policy.integerParam("w");
                    if (first.equals(policy.value()) && w.isPresent() && w.get() > 0) {
                        window = Optional.of(Duration.ofSeconds(w.get()));
                        break;
                    }
                }
            }
        }
        OptionalLong remaining = OptionalLong.empty();
        Optional<String> remainingText = headers.first(REMAINING);
        if (remainingText.isPresent()) {
            remaining = ResetValue.wholeNumber(remainingText.get());
            if (remaining.isEmpty()) {
                out.malformed(REMAINING, remainingText.get(), "not a whole number");
            }
        }
        Optional<WaitHint> reset = Optional.empty();
        Optional<String> resetText = headers.first(RESET);
        if (resetText.isPresent()) {
            reset = ResetValue.delaySeconds(resetText.get(), cap);
            if (reset.isEmpty()) {
                out.malformed(RESET, resetText.get(), "not delay-seconds");
            }
        }
        if (limit.isPresent() || remaining.isPresent() || reset.isPresent()) {
            out.report(new QuotaReport(WaitSource.RATELIMIT_RESET, RESET, "", limit, window, remaining, reset));
        }
        return out.build();
    }
}
