package io.rateguard.jmeter;

import io.rateguard.budget.AdaptiveBudget;
import io.rateguard.budget.Budget;
import io.rateguard.budget.RateChange;
import io.rateguard.budget.RateEvidence;
import io.rateguard.signals.AnnouncedLimit;
import io.rateguard.signals.RateLimitVerdict;
import org.apache.jmeter.util.JMeterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies what one response said to the budgets of its request: the pause of a rate-limited
 * answer, the pre-emptive pause of a used-up quota, and the evidence adaptive budgets learn from.
 * Each rate change is logged once and published as the JMeter property
 * {@code rateguard.<bucket>.rate} (requests per second).
 */
final class RateFeedback {

    private static final Logger log = LoggerFactory.getLogger(RateFeedback.class);

    private RateFeedback() {
    }

    /** The property holding a bucket's current rate. */
    static String rateProperty(String bucket) {
        return "rateguard." + bucket + ".rate";
    }

    static void publishRate(Budget budget) {
        JMeterUtils.setProperty(rateProperty(budget.name()), String.format(Locale.ROOT, "%.3f", budget.ratePerSecond()));
    }

    /**
     * The budgets a rate-limited answer pauses: those whose limit is the one the server named
     * (Genesys' older body, an IETF policy), so a 429 from the PUT IVR limit does not hold every
     * GET; all of the request's budgets when the answer names none or none matches.
     */
    static List<Budget> targetsOf(List<Budget> budgets, RateLimitVerdict verdict) {
        Optional<AnnouncedLimit> named = verdict.announcedLimit();
        if (named.isPresent() && budgets.size() > 1) {
            List<Budget> matching = new ArrayList<>();
            for (Budget b : budgets) {
                if (b.spec().limit() == named.get().requests() && b.spec().period().equals(named.get().period())) {
                    matching.add(b);
                }
            }
            if (!matching.isEmpty()) {
                return matching;
            }
        }
        return budgets;
    }

    /** A rate-limited answer: hold the targets for {@code wait} and tell adaptive ones. */
    static void rateLimited(List<Budget> targets, Duration wait) {
        for (Budget b : targets) {
            b.pause(wait);
            apply(b, b.learn(RateEvidence.RATE_LIMITED));
        }
    }

    /** Any other answer: pre-emptive pause, announced limits, and "clear" for adaptive budgets. */
    static void answered(List<Budget> budgets, RateLimitVerdict verdict) {
        Budget adopter = null;
        if (verdict != null) {
            verdict.preemptivePause().ifPresent(pause -> budgets.forEach(b -> b.pause(pause)));
            Optional<RateEvidence> announced = announcement(verdict);
            // with several adaptive budgets it is not known which of them the server described
            List<Budget> adaptive = budgets.stream().filter(b -> b instanceof AdaptiveBudget).toList();
            if (announced.isPresent() && adaptive.size() == 1) {
                adopter = adaptive.get(0);
                apply(adopter, adopter.learn(announced.get()));
            }
        }
        for (Budget b : budgets) {
            if (b != adopter) {
                apply(b, b.learn(RateEvidence.CLEAR));
            }
        }
    }

    private static Optional<RateEvidence> announcement(RateLimitVerdict verdict) {
        if (verdict.announcedLimit().isPresent()) {
            AnnouncedLimit a = verdict.announcedLimit().get();
            return Optional.of(RateEvidence.announced(a.requests(), a.period()));
        }
        if (verdict.announcedQuota().isPresent()) {
            return Optional.of(RateEvidence.announced(verdict.announcedQuota().getAsLong(), null));
        }
        return Optional.empty();
    }

    private static void apply(Budget budget, Optional<RateChange> change) {
        change.ifPresent(c -> {
            log.info("RateGuard Bucket '{}': rate {}", budget.name(), c);
            publishRate(budget);
        });
    }
}
