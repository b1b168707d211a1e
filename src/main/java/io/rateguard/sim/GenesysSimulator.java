package io.rateguard.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;

/**
 * A local stand-in for Genesys Cloud's Platform API (OAuth client credentials, flows, IVRs) that
 * answers 429 exactly as the real service does, so users can rehearse a load test, and tests can
 * check a client's pacing, without touching a real org. Listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(50).build())) {
 *     String base = sim.baseUrl();           // http://127.0.0.1:PORT
 *     ... POST base/oauth/token, GET base/api/v2/flows ...
 *     SimulatorStats s = sim.stats();
 * }
 * }</pre>
 */
public final class GenesysSimulator implements AutoCloseable {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -cp rateguard-jmeter.jar io.rateguard.sim.GenesysSimulator [options]",
            "  --port N                 port on 127.0.0.1 (default 0: a free port)",
            "  --limit N                requests per token per window (default 300)",
            "  --period S               window length in seconds (default 60)",
            "  --ivr-put-limit N        PUT /api/v2/architect/ivrs/{id} per token per 60 s (default 100, 0 off)",
            "  --service-ms N           artificial service time per served request (default 0)",
            "  --always-429             answer every API request with 429",
            "  --retry-after S          Retry-After in --always-429 mode (default 60)",
            "  --omit-retry-after       send 429s without a Retry-After header (older Genesys)",
            "  --legacy-body            send the pre-2021 429 body (code too.many.requests)",
            "  --client-wide-limit      one limit for all tokens of the client (engines with own tokens share it)",
            "  --client-id X            OAuth client id (default " + SimulatorConfig.DEFAULT_CLIENT_ID + ")",
            "  --client-secret-env VAR  read the OAuth client secret from environment variable VAR",
            "  --token-ttl S            token lifetime in seconds (default 86400)",
            "  --flows N, --ivrs N      seeded flows (default 20) and IVRs (default 5)",
            "  --rate-limit-headers X   header family on every API response: genesys (none, default), ietf,",
            "                           ietf-draft-07, ratelimit-headers, github, x",
            "  --refuse-with-403        refuse with 403 instead of 429 (GitHub's used-up quota)",
            "  --org-limit N            requests per org window across all tokens (default 0: none)",
            "  --org-period S           org window length in seconds (default 60)");

    private final SimulatorConfig config;
    private final StatsRecorder stats;
    private final LocalHttpServer server;

    private GenesysSimulator(SimulatorConfig config, StatsRecorder stats, LocalHttpServer server) {
        this.config = config;
        this.stats = stats;
        this.server = server;
    }

    /**
     * Binds 127.0.0.1 and starts serving. Rate windows and stats seconds start now.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static GenesysSimulator start(SimulatorConfig config) {
        long startNanos = config.clock().getAsLong();
        long startEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        StatsRecorder stats = new StatsRecorder(startNanos, startEpochMicros, config.maxEvents());
        SimulatorHandler handler = new SimulatorHandler(config, startNanos, stats);
        try {
            return new GenesysSimulator(config, stats, LocalHttpServer.start(config.port(), handler, config.clock()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}, the base for both the login and the API paths. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public SimulatorConfig config() {
        return config;
    }

    /** A consistent snapshot of everything served so far. */
    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /** The start-up line printed by {@link #main(String[])}. */
    public String banner() {
        return "RateGuard Genesys simulator listening on " + baseUrl() + (config.always429()
                ? " (answering every API request with 429, Retry-After " + config.retryAfterSeconds() + ")"
                : " (limit " + config.tokenLimit() + " per " + config.tokenPeriodSeconds() + " s)");
    }

    /** Stops within a second: closes the listener and every connection, interrupting service time. */
    @Override
    public void close() {
        server.close();
    }

    /** Runs from the command line until killed; see {@link #USAGE}. Exit code 2 on bad options. */
    public static void main(String[] args) throws InterruptedException {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                return;
            }
        }
        SimulatorConfig config;
        try {
            config = SimulatorConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        GenesysSimulator sim;
        try {
            sim = start(config);
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "rateguard-sim-shutdown"));
        System.out.println(sim.banner());
        System.out.flush();
        new CountDownLatch(1).await(); // server threads are daemons: keep the JVM alive until killed
    }
}
