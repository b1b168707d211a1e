package io.rateguard.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which requests a budget applies to, written as an API reference writes them:
 * {@code PUT /api/v2/architect/ivrs/*}. The method part is one method, several joined by
 * {@code |} ({@code PUT|PATCH}), {@code *} or absent (any method). In the path, {@code *} matches
 * one path segment (an id) and a trailing {@code /**} any number of segments. The query string
 * and a trailing slash of the request are ignored; methods compare in any case, paths exactly.
 * An empty text matches every request.
 */
public final class RequestMatcher {

    public static final RequestMatcher ANY = new RequestMatcher("", Set.of(), List.of());

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=:@%{}-]+|\\*|\\*\\*");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");

    private final String text;
    private final Set<String> methods; // empty: any
    private final List<String> segments; // empty: any path

    private RequestMatcher(String text, Set<String> methods, List<String> segments) {
        this.text = text;
        this.methods = methods;
        this.segments = segments;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text (the caller adds
     *                                  which element and field it came from)
     */
    public static RequestMatcher parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return ANY;
        }
        String[] parts = t.split("\\s+");
        if (parts.length > 2) {
            throw new IllegalArgumentException("expected \"METHOD /path\", e.g. \"PUT /api/v2/architect/ivrs/*\"");
        }
        String methodPart = parts.length == 2 ? parts[0] : "*";
        String path = parts.length == 2 ? parts[1] : parts[0];
        Set<String> methods = new TreeSet<>();
        if (!methodPart.equals("*")) {
            for (String m : methodPart.split("\\|", -1)) {
                if (!METHOD.matcher(m).matches()) {
                    throw new IllegalArgumentException("'" + m + "' is not an HTTP method");
                }
                methods.add(m.toUpperCase(Locale.ROOT));
            }
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with '/'");
        }
        List<String> segments = path.equals("/") ? List.of() : Arrays.asList(trimSlash(path).substring(1).split("/", -1));
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (!SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("path segment '" + s + "' is empty or has characters a path cannot have");
            }
            if (s.equals("**") && i != segments.size() - 1) {
                throw new IllegalArgumentException("'**' may only end the path");
            }
        }
        return new RequestMatcher(t, Set.copyOf(methods), List.copyOf(segments));
    }

    /** True when this matcher applies to all requests. */
    public boolean matchesEverything() {
        return methods.isEmpty() && (segments.isEmpty() || segments.equals(List.of("**")));
    }

    /**
     * Whether a request matches.
     *
     * @param method the HTTP method
     * @param path   the request path, or a full URL (scheme and host are skipped); a query is ignored
     */
    public boolean matches(String method, String path) {
        if (!methods.isEmpty() && (method == null || !methods.contains(method.toUpperCase(Locale.ROOT)))) {
            return false;
        }
        if (segments.isEmpty()) {
            return true;
        }
        String p = pathOnly(path);
        if (p == null) {
            return false;
        }
        String[] actual = p.equals("/") ? new String[0] : trimSlash(p).substring(1).split("/", -1);
        for (int i = 0; i < segments.size(); i++) {
            String want = segments.get(i);
            if (want.equals("**")) {
                return true;
            }
            if (i >= actual.length) {
                return false;
            }
            if (!want.equals("*") ? !want.equals(actual[i]) : actual[i].isEmpty()) {
                return false;
            }
        }
        return actual.length == segments.size();
    }

    /** The path of a path or URL, without query or fragment; null when there is none. */
    static String pathOnly(String pathOrUrl) {
        if (pathOrUrl == null) {
            return null;
        }
        String p = pathOrUrl.trim();
        int scheme = p.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = p.indexOf('/', scheme + 3);
            p = slash < 0 ? "/" : p.substring(slash);
        }
        int cut = p.length();
        for (char c : new char[] {'?', '#'}) {
            int at = p.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        p = p.substring(0, cut);
        return p.startsWith("/") ? p : null;
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "all requests" : text;
    }
}
