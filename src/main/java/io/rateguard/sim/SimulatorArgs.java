package io.rateguard.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Command-line parser behind {@link SimulatorConfig#fromArgs(String[])}. Accepts
 * {@code --opt value} and {@code --opt=value}; every error names the option and the bad value,
 * because a user starting the simulator from a script has nothing else to go on.
 */
final class SimulatorArgs {

    private SimulatorArgs() {
    }

    /** @param env environment lookup (System::getenv in production, a map in tests) */
    static SimulatorConfig parse(String[] args, Function<String, String> env) {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        Set<String> seen = new HashSet<>();
        boolean always429 = false;
        boolean retryAfterGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(name + " given twice");
            }
            switch (name) {
                case "--always-429" -> { noValue(name, inline); b.always429(true); always429 = true; }
                case "--omit-retry-after" -> { noValue(name, inline); b.omitRetryAfter(true); }
                case "--legacy-body" -> { noValue(name, inline); b.legacyBody(true); }
                case "--client-wide-limit" -> { noValue(name, inline); b.clientWideLimit(true); }
                case "--refuse-with-403" -> { noValue(name, inline); b.refuseWith403(true); }
                default -> {
                    if (!isKnownValued(name)) {
                        throw unknown(name);
                    }
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--port" -> b.port(intIn(name, value, 0, 65_535));
                        case "--limit" -> b.tokenLimit(intIn(name, value, 1, Integer.MAX_VALUE));
                        case "--period" -> b.tokenPeriodSeconds(intIn(name, value, 1, Integer.MAX_VALUE));
                        case "--ivr-put-limit" -> b.ivrPutLimit(intIn(name, value, 0, Integer.MAX_VALUE));
                        case "--service-ms" -> b.serviceTimeMillis(intIn(name, value, 0, Integer.MAX_VALUE));
                        case "--retry-after" -> {
                            b.retryAfterSeconds(intIn(name, value, 1, Integer.MAX_VALUE));
                            retryAfterGiven = true;
                        }
                        case "--token-ttl" -> b.tokenTtlSeconds(intIn(name, value, 1, Integer.MAX_VALUE));
                        case "--flows" -> b.flowCount(intIn(name, value, 0, 100_000));
                        case "--ivrs" -> b.ivrCount(intIn(name, value, 0, 100_000));
                        case "--client-id" -> {
                            if (value.isBlank() || value.indexOf(':') >= 0) {
                                throw new IllegalArgumentException(
                                        name + ": expected a non-blank id without ':', got '" + value + "'");
                            }
                            b.clientId(value);
                        }
                        case "--client-secret-env" -> b.clientSecret(secretFromEnv(name, value, env));
                        case "--rate-limit-headers" -> b.headerStyle(RateLimitHeaderStyle.fromOption(value));
                        case "--org-limit" -> b.orgLimit(intIn(name, value, 0, Integer.MAX_VALUE));
                        case "--org-period" -> b.orgPeriodSeconds(intIn(name, value, 1, Integer.MAX_VALUE));
                        default -> throw unknown(name);
                    }
                }
            }
        }
        if (retryAfterGiven && !always429) {
            // outside always-429 mode Retry-After is computed from the window, so the value would be ignored
            throw new IllegalArgumentException("--retry-after only applies together with --always-429");
        }
        return b.build();
    }

    private static boolean isKnownValued(String name) {
        return switch (name) {
            case "--port", "--limit", "--period", "--ivr-put-limit", "--service-ms", "--retry-after",
                    "--token-ttl", "--flows", "--ivrs", "--client-id", "--client-secret-env",
                    "--rate-limit-headers", "--org-limit", "--org-period" -> true;
            default -> false;
        };
    }

    private static IllegalArgumentException unknown(String name) {
        String hint = name.startsWith("--client-secret")
                ? " (pass the secret through an environment variable: --client-secret-env VAR)"
                : "; known options: --port N --limit N --period S --ivr-put-limit N --service-ms N"
                + " --always-429 --retry-after S --omit-retry-after --legacy-body --client-id X"
                + " --client-secret-env VAR --token-ttl S --flows N --ivrs N --rate-limit-headers STYLE"
                + " --refuse-with-403 --org-limit N --org-period S";
        return new IllegalArgumentException("unknown option '" + name + "'" + hint);
    }

    private static void noValue(String name, String inline) {
        if (inline != null) {
            throw new IllegalArgumentException(name + " takes no value, got '" + inline + "'");
        }
    }

    private static int intIn(String name, String value, int min, int max) {
        String range = max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max;
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected an integer " + range + ", got '" + value + "'");
        }
    }

    private static String secretFromEnv(String name, String var, Function<String, String> env) {
        if (var.isBlank()) {
            throw new IllegalArgumentException(name + ": expected an environment variable name, got '" + var + "'");
        }
        String secret = env.apply(var);
        if (secret == null || secret.isEmpty()) {
            // name the variable, never print a value
            throw new IllegalArgumentException(name + ": environment variable '" + var + "' is not set or empty");
        }
        return secret;
    }
}
