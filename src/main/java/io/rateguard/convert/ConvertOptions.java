package io.rateguard.convert;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code convert} was asked to do: the plan to read, the plan to write, and the budget to add
 * at Test Plan level ({@code --limit} requests per {@code --period} seconds, in bucket
 * {@code --bucket}). Limit and period may be JMeter expressions such as {@code ${__P(limit,300)}}.
 */
public record ConvertOptions(Path in, Path out, String bucket, String limit, String period) {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar rateguard-jmeter.jar convert <in.jmx> <out.jmx> [--limit N] [--period SECONDS] [--bucket NAME]",
            "  Turns every HTTP Request sampler into a RateGuard HTTP Request, keeping all its settings, and adds a",
            "  RateGuard Bucket (default 300 requests per 60 s, bucket 'default') and a RateGuard Timer at Test Plan level.",
            "  JMeter's home: -Djmeter.home=DIR, or JMETER_HOME, or the home whose lib/ext holds this jar.");

    public static ConvertOptions parse(List<String> args) {
        Path in = null;
        Path out = null;
        String bucket = "default";
        String limit = "300";
        String period = "60";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--limit" -> limit = value(args, ++i, a);
                case "--period" -> period = value(args, ++i, a);
                case "--bucket" -> bucket = value(args, ++i, a);
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    } else if (in == null) {
                        in = Path.of(a);
                    } else if (out == null) {
                        out = Path.of(a);
                    } else {
                        throw new IllegalArgumentException("one plan in and one plan out, but also got " + a);
                    }
                }
            }
        }
        if (in == null || out == null) {
            throw new IllegalArgumentException("give the plan to read and the plan to write");
        }
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("--bucket must not be empty");
        }
        requireBudget(bucket, limit, period);
        return new ConvertOptions(in, out, bucket, limit, period);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /**
     * Literal values are checked now, by the same rules as the Bucket at test start, so the
     * converter never writes a plan that cannot start; JMeter expressions are checked then.
     */
    private static void requireBudget(String bucket, String limit, String period) {
        Long n = null;
        if (!isExpression(limit)) {
            try {
                n = Long.parseLong(limit.trim());
            } catch (NumberFormatException e) {
                n = 0L;
            }
            if (n < 1) {
                throw new IllegalArgumentException("--limit must be a whole number of requests (1 or more) or a ${...}"
                        + " expression, was '" + limit + "'");
            }
        }
        java.math.BigDecimal seconds = null;
        if (!isExpression(period)) {
            try {
                seconds = new java.math.BigDecimal(period.trim());
            } catch (NumberFormatException e) {
                seconds = java.math.BigDecimal.ZERO;
            }
            if (seconds.signum() <= 0) {
                throw new IllegalArgumentException("--period must be a positive number of seconds or a ${...}"
                        + " expression, was '" + period + "'");
            }
        }
        if (n != null && seconds != null) {
            try {
                new io.rateguard.budget.BudgetSpec(bucket, n,
                        java.time.Duration.ofNanos(seconds.movePointRight(9).min(java.math.BigDecimal.valueOf(Long.MAX_VALUE)).longValue()), 1, 1);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--limit " + limit + " per --period " + period + ": " + e.getMessage());
            }
        }
    }

    /** A whole ${...} reference, not a stray "${". */
    private static boolean isExpression(String value) {
        return value.matches(".*\\$\\{[^}]+}.*");
    }
}
