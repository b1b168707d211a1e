package io.rateguard.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Reads HTTP/1.1 requests one after another from a keep-alive connection: request line,
 * headers, then a body framed by Content-Length or chunked encoding. Sizes are capped so a
 * misbehaving client cannot exhaust the memory of the JMeter process hosting the simulator.
 */
final class HttpRequestReader {

    /** Genesys' request.bytes.max (docs/genesys-rate-limits.md). */
    static final int MAX_BODY_BYTES = 512_000;
    private static final int MAX_LINE_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;

    private final InputStream in;
    private final OutputStream out;
    private final LongSupplier clock;

    /** @param out used only to send "100 Continue" to clients that ask for it */
    HttpRequestReader(InputStream in, OutputStream out, LongSupplier clock) {
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    /** The next request, or null when the client closed the connection between requests. */
    HttpRequest next() throws IOException, MalformedRequestException {
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true); // RFC 9112: ignore empty lines before a request line
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequestException(400, "malformed request line");
        }
        String method = parts[0];
        boolean http11 = !parts[2].equals("HTTP/1.0");
        Map<String, String> headers = readHeaders();
        long arrival = clock.getAsLong();

        String target = parts[1];
        String path;
        String rawQuery;
        try {
            URI uri = new URI(target);
            path = uri.getPath();
            rawQuery = uri.getRawQuery();
        } catch (URISyntaxException e) {
            throw new MalformedRequestException(400, "malformed request target");
        }
        if (path == null || !path.startsWith("/")) {
            throw new MalformedRequestException(400, "unsupported request target");
        }

        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
        byte[] body = readBody(headers);
        return new HttpRequest(method.intern(), path, rawQuery, headers, body, arrival, keepAlive);
    }

    private Map<String, String> readHeaders() throws IOException, MalformedRequestException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(false);
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedRequestException(431, "too many header fields");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw new MalformedRequestException(400, "malformed header field");
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
    }

    /** RFC 9110 field names are tokens: no whitespace, separators or control characters. */
    private static boolean isToken(String line, int end) {
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private byte[] readBody(Map<String, String> headers) throws IOException, MalformedRequestException {
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        if (transferEncoding != null) {
            if (!transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                throw new MalformedRequestException(501, "unsupported transfer-encoding");
            }
            continueIfExpected(headers);
            return readChunked();
        }
        if (contentLength == null) {
            return new byte[0];
        }
        long length;
        try {
            length = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRequestException(400, "malformed content-length");
        }
        if (length < 0) {
            throw new MalformedRequestException(400, "malformed content-length");
        }
        if (length > MAX_BODY_BYTES) {
            throw new MalformedRequestException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        continueIfExpected(headers);
        return readExactly((int) length);
    }

    private void continueIfExpected(Map<String, String> headers) throws IOException {
        if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private byte[] readChunked() throws IOException, MalformedRequestException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequestException(400, "malformed chunk size");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                throw new MalformedRequestException(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (size == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailer fields are ignored
                }
                return body.toByteArray();
            }
            body.write(readExactly(size));
            if (!readLine(false).isEmpty()) {
                throw new MalformedRequestException(400, "malformed chunk");
            }
        }
    }

    private byte[] readExactly(int length) throws IOException, MalformedRequestException {
        byte[] buf = in.readNBytes(length);
        if (buf.length != length) {
            throw new MalformedRequestException(400, "body shorter than content-length");
        }
        return buf;
    }

    /**
     * One CRLF- (or LF-) terminated line as ISO-8859-1 text; null only when {@code eofAllowed}
     * and the stream ends before the first byte.
     */
    private String readLine(boolean eofAllowed) throws IOException, MalformedRequestException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && sb.length() == 0) {
                    return null;
                }
                throw new MalformedRequestException(400, "connection closed mid-request");
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE_BYTES) {
                throw new MalformedRequestException(431, "request line or header field too long");
            }
            sb.append((char) b);
        }
    }
}
