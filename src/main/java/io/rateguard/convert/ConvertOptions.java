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
        requirePositive("--limit", limit);
        requirePositive("--period", period);
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("--bucket must not be empty");
        }
        return new ConvertOptions(in, out, bucket, limit, period);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** Literal numbers are checked now; JMeter expressions are checked when the test starts. */
    private static void requirePositive(String option, String value) {
        if (value.contains("${")) {
            return;
        }
        try {
            if (Double.parseDouble(value) > 0) {
                return;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(option + " must be a positive number or a ${...} expression, was '" + value + "'");
    }
}
