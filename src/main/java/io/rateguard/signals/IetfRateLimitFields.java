package io.rateguard.signals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The IETF {@code RateLimit} and {@code RateLimit-Policy} fields
 * (draft-ietf-httpapi-ratelimit-headers), in both shapes seen in the wild:
 * <ul>
 *   <li>draft -08 onward: Structured-Field Lists of named quotas,
 *       {@code RateLimit-Policy: "burst";q=100;w=60,"daily";q=1000;w=86400} and
 *       {@code RateLimit: "burst";r=50;t=30} (r remaining, t seconds until quota returns);
 *       a server may describe several policies at once;</li>
 *   <li>draft -07: a Dictionary, {@code RateLimit: limit=100, remaining=50, reset=5}, with an
 *       optional {@code RateLimit-Policy: 100;w=60} giving the window.</li>
 * </ul>
 * Quotas measured in other units ({@code qu="content-bytes"}) are not request rates and are
 * skipped. A value that does not parse is reported as malformed and ignored as a whole, as
 * RFC 8941 requires.
 */
final class IetfRateLimitFields {

    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

    private IetfRateLimitFields() {
    }

    static QuotaReading read(ResponseHeaders headers, Duration cap) {
        List<String> limitLines = headers.all(RATE_LIMIT);
        List<String> policyLines = headers.all(RATE_LIMIT_POLICY);
        if (limitLines.isEmpty() && policyLines.isEmpty()) {
            return QuotaReading.NONE;
        }
        QuotaReading.Builder out = new QuotaReading.Builder();
        Map<String, StructuredFields.Item> policies = policies(policyLines, out);

        if (!limitLines.isEmpty()) {
            Optional<Map<String, StructuredFields.Item>> dict = StructuredFields.parseDictionary(limitLines);
            if (dict.isPresent() && isDraft07(dict.get())) {
                draft07(dict.get(), policies, cap, out);
                return out.build();
            }
            Optional<List<StructuredFields.Item>> list = StructuredFields.parseList(limitLines);
            if (list.isEmpty()) {
                out.malformed(RATE_LIMIT, String.join(", ", limitLines), "not a Structured-Field list of quotas");
            } else {
                for (StructuredFields.Item item : list.get()) {
                    if (!requestUnits(item)) {
                        continue;
                    }
                    String name = item.text().orElse("");
                    StructuredFields.Item policy = policies.remove(name);
                    OptionalLong remaining = nonNegative(item.integerParam("r"), RATE_LIMIT, "r", out);
                    Optional<WaitHint> reset = nonNegative(item.integerParam("t"), RATE_LIMIT, "t", out).isPresent()
                            ? Optional.of(WaitHint.bounded(Duration.ofSeconds(item.integerParam("t").get()), cap))
                            : Optional.empty();
                    out.report(new QuotaReport(WaitSource.IETF_RATELIMIT, RATE_LIMIT, name,
                            policy == null ? OptionalLong.empty() : quota(policy),
                            policy == null ? Optional.empty() : window(policy),
                            remaining, reset));
                }
            }
        }
        // policies without a RateLimit item still announce a limit
        policies.forEach((name, policy) -> out.report(new QuotaReport(WaitSource.IETF_RATELIMIT,
                RATE_LIMIT_POLICY, name, quota(policy), window(policy), OptionalLong.empty(), Optional.empty())));
        return out.build();
    }

    private static boolean isDraft07(Map<String, StructuredFields.Item> dict) {
        return dict.containsKey("limit") || dict.containsKey("remaining") || dict.containsKey("reset");
    }

    /** Named policies; draft -07 policies have a number instead of a name and are keyed by it. */
    private static Map<String, StructuredFields.Item> policies(List<String> lines, QuotaReading.Builder out) {
        Map<String, StructuredFields.Item> byName = new LinkedHashMap<>();
        if (lines.isEmpty()) {
            return byName;
        }
        Optional<List<StructuredFields.Item>> list = StructuredFields.parseList(lines);
        if (list.isEmpty()) {
            out.malformed(RATE_LIMIT_POLICY, String.join(", ", lines), "not a Structured-Field list of policies");
            return byName;
        }
        for (StructuredFields.Item item : list.get()) {
            if (!requestUnits(item)) {
                continue;
            }
            if (item.value() instanceof Long quota) {
                // draft -07: "100;w=60", the quota itself is the item
                Map<String, Object> params = new LinkedHashMap<>(item.params());
                params.put("q", quota);
                byName.put("#" + quota, new StructuredFields.Item(item.value(), params));
            } else if (item.text().isPresent()) {
                byName.put(item.text().get(), item);
            }
        }
        return byName;
    }

    private static void draft07(Map<String, StructuredFields.Item> dict, Map<String, StructuredFields.Item> policies,
                                Duration cap, QuotaReading.Builder out) {
        OptionalLong limit = nonNegative(integer(dict.get("limit")), RATE_LIMIT, "limit", out);
        OptionalLong remaining = nonNegative(integer(dict.get("remaining")), RATE_LIMIT, "remaining", out);
        OptionalLong resetSeconds = nonNegative(integer(dict.get("reset")), RATE_LIMIT, "reset", out);
        Optional<Duration> window = Optional.empty();
        if (limit.isPresent()) {
            StructuredFields.Item policy = policies.remove("#" + limit.getAsLong());
            if (policy != null) {
                window = window(policy);
            }
        }
        out.report(new QuotaReport(WaitSource.IETF_RATELIMIT, RATE_LIMIT, "", limit, window, remaining,
                resetSeconds.isPresent()
                        ? Optional.of(WaitHint.bounded(Duration.ofSeconds(resetSeconds.getAsLong()), cap))
                        : Optional.empty()));
    }

    private static Optional<Long> integer(StructuredFields.Item item) {
        return item != null && item.value() instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    private static boolean requestUnits(StructuredFields.Item item) {
        return item.textParam("qu").map("requests"::equals).orElse(true);
    }

    private static OptionalLong quota(StructuredFields.Item policy) {
        Optional<Long> q = policy.integerParam("q");
        return q.isPresent() && q.get() > 0 ? OptionalLong.of(q.get()) : OptionalLong.empty();
    }

    private static Optional<Duration> window(StructuredFields.Item policy) {
        Optional<Long> w = policy.integerParam("w");
        return w.isPresent() && w.get() > 0 ? Optional.of(Duration.ofSeconds(w.get())) : Optional.empty();
    }

    private static OptionalLong nonNegative(Optional<Long> value, String header, String key, QuotaReading.Builder out) {
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        if (value.get() < 0) {
            out.malformed(header, key + "=" + value.get(), "negative " + key);
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.get());
    }
}
