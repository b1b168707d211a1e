package io.rateguard.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Serialises a {@link SimResponse} into one byte array: status line with reason phrase, the
 * response's headers verbatim (name case preserved), Date, Content-Length. One write per
 * response avoids the Nagle/delayed-ACK stall of split header and body writes.
 */
final class HttpResponseWriter {

    /** IMF-fixdate, as RFC 9110 requires for Date (two-digit day, GMT). */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private HttpResponseWriter() {
    }

    static byte[] serialize(SimResponse response, boolean headRequest, boolean closeAfter) {
        int status = response.status();
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (SimResponse.Header h : response.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("Date: ").append(IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        byte[] body = response.body() == null ? new byte[0] : response.body();
        boolean bodyless = status == 204 || status == 304 || status < 200;
        if (!bodyless) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (closeAfter) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!bodyless && !headRequest) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }
}
