package io.rateguard.budget.redis;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.rateguard.budget.PauseTimeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One connection to the Redis that holds shared budgets, and the few things the budgets ask of
 * it: Bucket4j proxies, the shared pause timeline, and the server's clock.
 * <p>
 * Time: every engine paces on the Redis server's clock ({@code TIME}, read at connect and mapped
 * onto this JVM's monotonic clock), so engines whose own clocks disagree still agree on the
 * bucket. Pause ends are computed inside Redis from the same clock.
 * <p>
 * Failure: commands are rejected at once while the connection is down (never queued, so no
 * thread hangs) and time out after {@link #COMMAND_TIMEOUT}; Lettuce reconnects in the
 * background every {@link #RECONNECT_EVERY}, which is how a budget notices Redis is back.
 */
public final class RedisStore implements AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final Duration RECONNECT_EVERY = Duration.ofMillis(500);
    /** How long a bucket's state outlives a full refill; pauses are kept a day. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofMinutes(10);
    private static final long PAUSE_TTL_MILLIS = 24L * 3600 * 1000;

    /**
     * Extends the pause of KEYS[1] to TIME + ARGV[1] microseconds (never shortens it), exactly as
     * {@link PauseTimeline#pausedUntil} does in one JVM: fields b (paused before the current
     * pause), s (its start), e (its end), microseconds of server time.
     */
    private static final String PAUSE_SCRIPT = String.join("\n",
            "local t = redis.call('TIME')",
            "local now = tonumber(t[1]) * 1000000 + tonumber(t[2])",
            "local v = redis.call('HMGET', KEYS[1], 'b', 's', 'e')",
            "local b = tonumber(v[1]) or 0",
            "local s = tonumber(v[2]) or 0",
            "local e = tonumber(v[3]) or 0",
            "local u = now + tonumber(ARGV[1])",
            "if u > e then",
            "  if now < e then e = u else b = b + (e - s); s = now; e = u end",
            "  redis.call('HSET', KEYS[1], 'b', string.format('%.0f', b), 's', string.format('%.0f', s), 'e', string.format('%.0f', e))",
            "end",
            "redis.call('PEXPIRE', KEYS[1], ARGV[2])",
            "return {string.format('%.0f', b), string.format('%.0f', s), string.format('%.0f', e)}");

    private final RedisLocation location;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> commands;
    private final long serverOffsetNanos;
    /** Commands this JVM sent (each one round trip; Lettuce never pipelines them across threads here). */
    private final java.util.concurrent.atomic.LongAdder roundTrips = new java.util.concurrent.atomic.LongAdder();

    private RedisStore(RedisLocation location, ClientResources resources, RedisClient client,
                       StatefulRedisConnection<byte[], byte[]> connection) {
        this.location = location;
        this.resources = resources;
        this.client = client;
        this.connection = connection;
        this.commands = connection.sync();
        this.serverOffsetNanos = measureServerOffset();
    }

    /**
     * Connects and reads the server's clock; throws {@link RedisUnreachable} with a message that
     * names the location (password masked) and the cause.
     */
    public static RedisStore connect(RedisLocation location) {
        ClientResources resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(1)
                .reconnectDelay(Delay.constant(RECONNECT_EVERY))
                .build();
        RedisClient client = RedisClient.create(resources, location.toRedisUri(COMMAND_TIMEOUT));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).build())
                .build());
        try {
            StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE);
            return new RedisStore(location, resources, client, connection);
        } catch (RuntimeException e) {
            shutdown(client, resources);
            throw new RedisUnreachable("Redis at " + location + " is unreachable: " + describe(location, e), e);
        }
    }

    public RedisLocation location() {
        return location;
    }

    /** This JVM's monotonic time as nanoseconds of the Redis server's clock. */
    long serverNanos(long localNanos) {
        return localNanos + serverOffsetNanos;
    }

    /**
     * Bucket4j's Lettuce proxy manager on this connection; its state reads also bring back the
     * pause timeline at {@code pauseKey}, handed to {@code pauseSeen}.
     */
    ProxyManager<Object> proxyManager(TimeMeter clock, byte[] pauseKey, java.util.function.Consumer<PauseTimeline> pauseSeen) {
        return new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new PausePiggyback(connection.async(), pauseKey, pauseSeen, roundTrips::increment))
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
    }

    /** The shared pause timeline of a key, in server nanoseconds: one round trip. */
    PauseTimeline readPause(byte[] key) {
        roundTrips.increment();
        List<io.lettuce.core.KeyValue<byte[], byte[]>> v = commands.hmget(key, b("b"), b("s"), b("e"));
        return timeline(v.get(0).getValueOrElse(null), v.get(1).getValueOrElse(null), v.get(2).getValueOrElse(null));
    }

    /** Extends the shared pause to server time + wait; returns the timeline after it. */
    PauseTimeline pause(byte[] key, Duration wait) {
        long micros = Math.max(1, saturatedMicros(wait));
        roundTrips.increment();
        List<byte[]> r = commands.eval(PAUSE_SCRIPT, ScriptOutputType.MULTI, new byte[][] {key},
                b(Long.toString(micros)), b(Long.toString(PAUSE_TTL_MILLIS)));
        return timeline(r.get(0), r.get(1), r.get(2));
    }

    /** Commands sent to Redis through this connection so far. */
    long roundTrips() {
        return roundTrips.sum();
    }

    /** Whether Redis answers now (used to notice that it is back). */
    boolean answers() {
        try {
            roundTrips.increment();
            return "PONG".equalsIgnoreCase(commands.ping());
        } catch (RedisException e) {
            return false;
        }
    }

    /** A failure's message without the password. */
    String describe(RuntimeException e) {
        return describe(location, e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // closing a connection to a dead server: nothing to do
        }
        shutdown(client, resources);
    }

    private long measureServerOffset() {
        // best of a few TIME round trips: the shortest gives the tightest bound
        long bestRtt = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            roundTrips.increment();
            List<byte[]> time = commands.time();
            long t1 = System.nanoTime();
            long server = Long.parseLong(s(time.get(0))) * 1_000_000_000L + Long.parseLong(s(time.get(1))) * 1_000L;
            if (t1 - t0 < bestRtt) {
                bestRtt = t1 - t0;
                offset = server - (t0 + (t1 - t0) / 2);
            }
        }
        return offset;
    }

    static PauseTimeline timeline(byte[] before, byte[] start, byte[] end) {
        return PauseTimeline.of(micros(before) * 1000, micros(start) * 1000, micros(end) * 1000);
    }

    private static long micros(byte[] v) {
        return v == null || v.length == 0 ? 0 : Long.parseLong(s(v));
    }

    private static long saturatedMicros(Duration d) {
        try {
            return TimeUnit.NANOSECONDS.toMicros(d.toNanos());
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4_000;
        }
    }

    private static String describe(RedisLocation location, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null) {
            msg += " (" + root.getMessage() + ")";
        }
        return location.mask(msg);
    }

    private static void shutdown(RedisClient client, ClientResources resources) {
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } catch (RuntimeException ignored) {
            // best effort at test end
        }
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Redis could not be reached; the message names the location with the password masked. */
    public static final class RedisUnreachable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RedisUnreachable(String message, Throwable cause) {
            // the cause is kept out: its text may quote the URL
            super(message);
        }
    }
}
