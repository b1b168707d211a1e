package io.rateguard.budget.redis;

import io.lettuce.core.RedisURI;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the shared budget lives: a {@code redis://} or {@code rediss://} URL with an optional
 * password and database. The password comes from the URL or, when the URL has none, from the
 * environment variable {@link #PASSWORD_ENV} (JMeter logs every -J property, so a secret passed as
 * one would end up in jmeter.log). {@link #toString()} never shows the password.
 */
public final class RedisLocation {

    public static final String PASSWORD_ENV = "RATEGUARD_REDIS_PASSWORD";

    private final String scheme;
    private final String host;
    private final int port;
    private final int database;
    private final String username;
    private final char[] password;

    private RedisLocation(String scheme, String host, int port, int database, String username, char[] password) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
    }

    /**
     * Reads a URL such as {@code redis://:secret@127.0.0.1:6379/2}. The message of a bad URL shows
     * it masked.
     *
     * @param passwordFromEnv the value of {@link #PASSWORD_ENV}, or null
     */
    public static RedisLocation parse(String url, String passwordFromEnv) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is empty (expected e.g. redis://127.0.0.1:6379)");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (expected e.g. redis://127.0.0.1:6379)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("has no host (expected e.g. redis://127.0.0.1:6379)");
        }
        int port = uri.getPort() == -1 ? RedisURI.DEFAULT_REDIS_PORT : uri.getPort();
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        if (!path.isEmpty()) {
            try {
                database = Integer.parseInt(path);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("names database '" + path + "', which is not a number");
            }
            if (database < 0) {
                throw new IllegalArgumentException("names database " + database + ", which is negative");
            }
        }
        String username = null;
        char[] password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : decode(userInfo.substring(0, colon));
            String pass = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            username = user.isEmpty() ? null : user;
            password = pass.isEmpty() ? null : pass.toCharArray();
        }
        if (password == null && passwordFromEnv != null && !passwordFromEnv.isEmpty()) {
            password = passwordFromEnv.toCharArray();
        }
        return new RedisLocation(scheme, uri.getHost(), port, database, username, password);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Lettuce's form of this location, with the password, for connecting only. */
    RedisURI toRedisUri(Duration timeout) {
        RedisURI.Builder b = RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withDatabase(database)
                .withSsl(scheme.equals("rediss"))
                .withTimeout(timeout);
        if (password != null) {
            if (username != null) {
                b.withAuthentication(username, password);
            } else {
                b.withPassword(password);
            }
        }
        return b.build();
    }

    public boolean hasPassword() {
        return password != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int database() {
        return database;
    }

    /** Removes the password from a text that might quote it (an exception message, say). */
    public String mask(String text) {
        if (text == null || password == null || password.length == 0) {
            return text;
        }
        return text.replace(new String(password), "***");
    }

    @Override
    public String toString() {
        String auth = password == null ? "" : (username == null ? "" : username) + ":***@";
        return scheme + "://" + auth + host + ":" + port + "/" + database;
    }
}
