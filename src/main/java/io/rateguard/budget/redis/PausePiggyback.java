package io.rateguard.budget.redis;

import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.rateguard.budget.PauseTimeline;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The Redis calls Bucket4j's Lettuce proxy makes, with one change: its read of the bucket state
 * also reads the budget's pause timeline, in the same round trip (one script). While requests
 * flow, every engine thus learns of another engine's pause at no extra cost, and the separate
 * pause poll only runs when the budget is idle. Keys are byte arrays, typed Object because
 * Bucket4j hands them over in an Object[].
 */
final class PausePiggyback implements RedisApi<Object> {

    /** KEYS[1] the bucket state, KEYS[2] the pause hash: same hash tag, so cluster-safe. */
    private static final String GET_WITH_PAUSE = String.join("\n",
            "local v = redis.call('GET', KEYS[1])",
            "local p = redis.call('HMGET', KEYS[2], 'b', 's', 'e')",
            "return {v, p[1], p[2], p[3]}");

    private final RedisAsyncCommands<byte[], byte[]> async;
    private final byte[] pauseKey;
    private final Consumer<PauseTimeline> pauseSeen;
    private final Runnable countRoundTrip;

    PausePiggyback(RedisAsyncCommands<byte[], byte[]> async, byte[] pauseKey, Consumer<PauseTimeline> pauseSeen,
                   Runnable countRoundTrip) {
        this.async = async;
        this.pauseKey = pauseKey;
        this.pauseSeen = pauseSeen;
        this.countRoundTrip = countRoundTrip;
    }

    @Override
    public <V> RedisFuture<V> eval(String script, ScriptOutputType type, Object[] keys, byte[]... args) {
        countRoundTrip.run();
        // Bucket4j builds its key array as Object[] (a generic array): copy into the byte[][] Lettuce wants
        return async.eval(script, type, Arrays.copyOf(keys, keys.length, byte[][].class), args);
    }

    @Override
    public RedisFuture<byte[]> get(Object key) {
        countRoundTrip.run();
        RedisFuture<List<Object>> both = async.eval(GET_WITH_PAUSE, ScriptOutputType.MULTI, new byte[][] {(byte[]) key, pauseKey});
        Result state = new Result();
        both.whenComplete((list, error) -> {
            if (error != null) {
                state.completeExceptionally(error);
                return;
            }
            // Lua false (a missing key) arrives as null; a list cut short means the same
            pauseSeen.accept(RedisStore.timeline(at(list, 1), at(list, 2), at(list, 3)));
            state.complete(at(list, 0));
        });
        return state;
    }

    @Override
    public RedisFuture<?> delete(Object key) {
        countRoundTrip.run();
        return async.del((byte[]) key);
    }

    private static byte[] at(List<Object> list, int i) {
        return list != null && i < list.size() && list.get(i) instanceof byte[] b ? b : null;
    }

    /** The bucket state part of the answer, in the future type Bucket4j expects. */
    private static final class Result extends CompletableFuture<byte[]> implements RedisFuture<byte[]> {

        @Override
        public String getError() {
            if (!isCompletedExceptionally()) {
                return null;
            }
            try {
                join();
                return null;
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return String.valueOf(cause.getMessage());
            }
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            try {
                get(timeout, unit);
                return true;
            } catch (ExecutionException e) {
                return true;
            } catch (TimeoutException e) {
                return false;
            }
        }
    }
}
