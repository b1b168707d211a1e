package io.rateguard.signals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The headers of one response, looked up by name in any letter case.
 *
 * <p>Field names are case-insensitive (RFC 9110 section 5.1), and servers and proxies do send
 * {@code retry-after} or {@code RETRY-AFTER}; the official Genesys SDK's case-sensitive lookup
 * misses those. Repeated fields keep all their values in arrival order. Immutable.
 */
public final class ResponseHeaders {

    private static final ResponseHeaders EMPTY = new ResponseHeaders(null, Map.of());

    private final String statusLine; // null when unknown
    private final Map<String, List<String>> byLowerCaseName;

    private ResponseHeaders(String statusLine, Map<String, List<String>> byLowerCaseName) {
        this.statusLine = statusLine;
        this.byLowerCaseName = byLowerCaseName;
    }

    public static ResponseHeaders empty() {
        return EMPTY;
    }

    /**
     * From a name-to-values map, e.g. {@code HttpURLConnection.getHeaderFields()}. Names that
     * differ only in case are merged; the null key such maps use for the status line becomes the
     * status line; null values are skipped.
     */
    public static ResponseHeaders of(Map<String, ? extends Collection<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        headers.forEach((name, values) -> {
            if (values == null) {
                return;
            }
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                if (name == null) {
                    builder.statusLine = value.trim();
                } else if (!name.isBlank()) {
                    builder.add(name, value);
                }
            }
        });
        return builder.build();
    }

    /**
     * From the raw header block JMeter records ({@code SampleResult.getResponseHeaders()}):
     * a status line, then {@code Name: value} lines. {@code \n}, {@code \r\n} and {@code \r}
     * all end a line. A line starting with a space or tab continues the previous value (obsolete
     * line folding, joined with one space). Empty lines end a header section; a later status line
     * starts a new response (an interim {@code 100 Continue}, say) and only the last response's
     * headers are kept. Lines without a colon are ignored.
     */
    public static ResponseHeaders parse(String rawBlock) {
        if (rawBlock == null || rawBlock.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        boolean canFold = false; // folding may only continue a header line directly above
        for (String line : rawBlock.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                canFold = false;
            } else if (line.startsWith("HTTP/")) { // '/' cannot occur in a field name
                builder = new Builder();
                builder.statusLine = line.trim();
                canFold = false;
            } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (canFold) {
                    builder.appendToLast(line.trim());
                }
            } else {
                int colon = line.indexOf(':');
                String name = colon > 0 ? line.substring(0, colon).trim() : "";
                if (name.isEmpty()) {
                    canFold = false;
                    continue;
                }
                builder.add(name, line.substring(colon + 1));
                canFold = true;
            }
        }
        return builder.build();
    }

    /** The first value of {@code name}, any case; values are trimmed of surrounding whitespace. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of {@code name} in arrival order, empty if absent. */
    public List<String> all(String name) {
        if (name == null) {
            return List.of();
        }
        return byLowerCaseName.getOrDefault(lowerCase(name), List.of());
    }

    public boolean contains(String name) {
        return !all(name).isEmpty();
    }

    /** The field names present, in lower case. */
    public Set<String> names() {
        return byLowerCaseName.keySet();
    }

    /** The status line of a raw block (e.g. {@code HTTP/1.1 429 Too Many Requests}), if seen. */
    public Optional<String> statusLine() {
        return Optional.ofNullable(statusLine);
    }

    @Override
    public String toString() {
        return "ResponseHeaders[" + (statusLine == null ? "" : statusLine + ", ") + byLowerCaseName + "]";
    }

    private static String lowerCase(String name) {
        return name.trim().toLowerCase(Locale.ROOT); // ROOT: no Turkish dotless i in "retry"
    }

    private static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private String statusLine;
        private List<String> lastList;

        void add(String name, String value) {
            lastList = values.computeIfAbsent(lowerCase(name), n -> new ArrayList<>());
            lastList.add(value.trim()); // optional whitespace around a value is not part of it
        }

        void appendToLast(String continuation) {
            int last = lastList.size() - 1;
            String joined = lastList.get(last).isEmpty()
                    ? continuation : lastList.get(last) + " " + continuation;
            lastList.set(last, joined);
        }

        ResponseHeaders build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            return new ResponseHeaders(statusLine, Collections.unmodifiableMap(copy));
        }
    }
}
