package io.rateguard.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A thin java.net.http client for the simulator, as a test's load generator would use it. */
final class SimClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    SimClient(GenesysSimulator sim) {
        this.base = sim.baseUrl();
    }

    HttpResponse<String> tokenResponse(String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A token for the default demo credentials. */
    String token() {
        HttpResponse<String> r = tokenResponse(SimulatorConfig.DEFAULT_CLIENT_ID, SimulatorConfig.DEFAULT_CLIENT_SECRET,
                "grant_type=client_credentials");
        if (r.statusCode() != 200) {
            throw new AssertionError("token request failed: " + r.statusCode() + " " + r.body());
        }
        return (String) JsonReader.parseObject(r.body()).get("access_token");
    }

    HttpResponse<String> get(String path, String token) {
        return call("GET", path, token, null);
    }

    HttpResponse<String> call(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b);
    }

    static Map<String, Object> json(HttpResponse<String> r) {
        return JsonReader.parseObject(r.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
