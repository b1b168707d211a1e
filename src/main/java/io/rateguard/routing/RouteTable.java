package io.rateguard.routing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.TreeSet;

/**
 * Which budgets a request goes through, for one test run. Each bucket registers its matcher.
 * <ul>
 *   <li>A request that names a bucket goes through that bucket and through every other bucket
 *       whose matcher is not empty and matches it: naming the token bucket on a PUT to an IVR
 *       also takes the PUT IVR bucket's permit. Plans without matchers behave as before.</li>
 *   <li>A request that names {@link #ROUTE_ALL} goes through every bucket whose matcher
 *       matches it; an empty matcher matches every request.</li>
 * </ul>
 * The result is sorted by name: every thread acquires in the same order.
 */
public final class RouteTable {

    /** The bucket name that means "every bucket whose matcher matches". */
    public static final String ROUTE_ALL = "*";

    private static final RouteTable SHARED = new RouteTable();

    private volatile Run current = new Run(Long.MIN_VALUE);

    public static RouteTable shared() {
        return SHARED;
    }

    public synchronized void register(long runId, String bucket, RequestMatcher matcher) {
        if (current.id != runId) {
            current = new Run(runId);
        }
        current.matchers.put(bucket, matcher);
    }

    /**
     * The buckets for one request, sorted by name.
     *
     * @param runId  the run
     * @param named  the bucket the element names, or {@link #ROUTE_ALL}
     * @param method the request's method, null when not an HTTP request
     * @param path   the request's path or URL, null when not an HTTP request
     */
    public Set<String> bucketsFor(long runId, String named, String method, String path) {
        Run run = current;
        Set<String> out = new TreeSet<>();
        boolean routeAll = ROUTE_ALL.equals(named);
        if (!routeAll) {
            out.add(named);
        }
        if (run.id != runId) {
            return out;
        }
        run.matchers.forEach((bucket, m) -> {
            boolean empty = m == RequestMatcher.ANY;
            if (empty ? routeAll : (method != null && m.matches(method, path))) {
                out.add(bucket);
            }
        });
        return out;
    }

    private static final class Run {
        final long id;
        final Map<String, RequestMatcher> matchers = new ConcurrentSkipListMap<>();

        Run(long id) {
            this.id = id;
        }
    }
}
