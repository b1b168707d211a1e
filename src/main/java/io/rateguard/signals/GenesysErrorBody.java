package io.rateguard.signals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Genesys Cloud 429 body says about waiting (see docs/genesys-rate-limits.md).
 *
 * <p>Current bodies ({@code code: too.many.requests.retry.after}) carry "Retry the request in [N]
 * seconds", the only hint when an older 429 came without Retry-After. Older bodies
 * ({@code code: too.many.requests}) state the limit instead: "Rate limit exceeded the maximum
 * [300] requests within [60] seconds". Proxies answer with HTML, bodies get truncated: any body
 * that is not such JSON simply has no hint. Parsing never throws.
 */
public final class GenesysErrorBody {

    /** Codes start with this prefix; a later variant of the code should still be understood. */
    static final String RATE_LIMIT_CODE_PREFIX = "too.many.requests";

    /**
     * A 429 body is a few hundred bytes; anything far larger is not a Genesys error body, and
     * parsing it on every rate-limited sample would only cost time.
     */
    static final int MAX_BODY_CHARS = 64 * 1024;

    private static final Pattern RETRY_IN = Pattern.compile(
            "retry\\s+the\\s+request\\s+in\\s+\\[\\s*([0-9]+(?:\\.[0-9]+)?)\\s*]\\s+seconds?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAXIMUM_WITHIN = Pattern.compile(
            "maximum\\s+\\[\\s*([0-9]+)\\s*]\\s+requests?\\s+within\\s+\\[\\s*([0-9]+)\\s*]\\s+seconds?",
            Pattern.CASE_INSENSITIVE);

    // ObjectMapper is thread-safe once configured; one instance serves every sampler thread.
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final GenesysErrorBody NONE = new GenesysErrorBody(null, null, null, null);

    private final String code;
    private final String message;
    private final String retrySeconds; // the N of "[N] seconds", as sent
    private final AnnouncedLimit announcedLimit;

    private GenesysErrorBody(String code, String message, String retrySeconds,
                             AnnouncedLimit announcedLimit) {
        this.code = code;
        this.message = message;
        this.retrySeconds = retrySeconds;
        this.announcedLimit = announcedLimit;
    }

    /** Reads {@code body}; a null, empty, non-JSON or truncated body yields a body without hints. */
    public static GenesysErrorBody parse(String body) {
        if (body == null || body.length() > MAX_BODY_CHARS || !body.trim().startsWith("{")) {
            return NONE; // cheap exit for HTML pages and empty bodies, no exception to catch
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException malformed) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        String code = textField(root, "code");
        String message = textField(root, "message");
        if (message == null || (code != null && !code.startsWith(RATE_LIMIT_CODE_PREFIX))) {
            // A message under another code is some other error that merely mentions seconds.
            return new GenesysErrorBody(code, message, null, null);
        }
        return new GenesysErrorBody(code, message, retrySeconds(message), announcedLimit(message));
    }

    private static String textField(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String retrySeconds(String message) {
        Matcher m = RETRY_IN.matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static AnnouncedLimit announcedLimit(String message) {
        Matcher m = MAXIMUM_WITHIN.matcher(message);
        if (!m.find()) {
            return null;
        }
        try {
            long requests = Long.parseLong(m.group(1));
            long seconds = Long.parseLong(m.group(2));
            if (requests <= 0 || seconds <= 0) {
                return null; // a zero limit is not a limit anyone can pace to
            }
            return new AnnouncedLimit(requests, Duration.ofSeconds(seconds));
        } catch (NumberFormatException | ArithmeticException absurd) {
            return null;
        }
    }

    /** The {@code code} field, when the body is JSON and has one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The {@code message} field, when the body is JSON and has one. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The N of "Retry the request in [N] seconds" as sent, for messages naming the source. */
    public Optional<String> retrySecondsText() {
        return Optional.ofNullable(retrySeconds);
    }

    /** True when the body carries a "Retry the request in [N] seconds" hint. */
    public boolean hasRetryHint() {
        return retrySeconds != null;
    }

    /**
     * The body's wait clamped to {@code cap}; unusable when the body has no hint. An N too large
     * for a long is clamped to the cap like any other long wait.
     */
    public WaitHint waitHint(Duration cap) {
        RetryAfter.requireValidCap(cap);
        if (retrySeconds == null) {
            return WaitHint.unusable("no \"Retry the request in [N] seconds\" in the body");
        }
        OptionalLong millis = DelaySeconds.toMillis(retrySeconds);
        return WaitHint.bounded(millis.orElse(Long.MAX_VALUE), cap);
    }

    /** The limit stated by the older message shape, e.g. 300 requests per 60 s. */
    public Optional<AnnouncedLimit> announcedLimit() {
        return Optional.ofNullable(announcedLimit);
    }

    @Override
    public String toString() {
        return "GenesysErrorBody[code=" + code + ", retrySeconds=" + retrySeconds
                + ", announcedLimit=" + announcedLimit + "]";
    }
}
