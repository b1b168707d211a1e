package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Lifecycle: binding, capacity, stopping, and the command-line entry point. */
class GenesysSimulatorTest {

    @Test
    void bindsAFreeLoopbackPort() {
        try (GenesysSimulator a = GenesysSimulator.start(SimulatorConfig.defaults());
             GenesysSimulator b = GenesysSimulator.start(SimulatorConfig.defaults())) {
            assertTrue(a.port() > 0);
            assertTrue(a.port() != b.port());
            assertEquals("http://127.0.0.1:" + a.port(), a.baseUrl());
            assertEquals("RateGuard Genesys simulator listening on http://127.0.0.1:" + a.port()
                    + " (limit 300 per 60 s)", a.banner());
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> GenesysSimulator.start(SimulatorConfig.builder().port(a.port()).build()));
            assertTrue(e.getMessage().contains("127.0.0.1:" + a.port()), e.getMessage());
        }
    }

    @Test
    void theBannerOfAServerThatOnlyRefusesSaysSo() {
        try (GenesysSimulator s = GenesysSimulator.start(SimulatorConfig.builder().always429(true).retryAfterSeconds(30).build())) {
            assertEquals("RateGuard Genesys simulator listening on http://127.0.0.1:" + s.port()
                    + " (answering every API request with 429, Retry-After 30)", s.banner());
        }
    }

    @Test
    void servesAThousandConcurrentKeepAliveConnections() throws Exception {
        int clients = 1000;
        try (GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(1_000_000)
                .clock(new FakeClock()).build())) {
            String token = new SimClient(sim).token();
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    Socket s = new Socket("127.0.0.1", sim.port());
                    s.setSoTimeout(10_000);
                    sockets.add(s);
                }
                for (int round = 0; round < 2; round++) { // the second round reuses every connection
                    for (Socket s : sockets) {
                        RawHttp.write(s.getOutputStream(), RawHttp.get("/api/v2/flows/" + SeedIds.flowId(3), token));
                    }
                    for (Socket s : sockets) {
                        assertEquals(200, RawHttp.read(s.getInputStream()).status());
                    }
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            assertEquals(2L * clients, sim.stats().served());
        }
    }

    @Test
    void closeStopsWithinOneSecondDespiteBusyAndIdleConnections() throws Exception {
        GenesysSimulator sim = GenesysSimulator.start(SimulatorConfig.builder().serviceTimeMillis(30_000).build());
        String token = new SimClient(sim).token();
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/v2/flows"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Socket idle = new Socket("127.0.0.1", sim.port());
        Thread.sleep(200); // let the requests reach their service time

        long t0 = System.nanoTime();
        sim.close();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(tookMs < 1_000, "close took " + tookMs + " ms");
        for (CompletableFuture<HttpResponse<String>> f : pending) {
            assertThrows(Exception.class, () -> f.get(5, TimeUnit.SECONDS), "in-flight requests are cut off");
        }
        assertEquals(-1, idle.getInputStream().read(), "idle keep-alive connections are closed");
        idle.close();
        assertThrows(java.io.IOException.class, () -> new Socket("127.0.0.1", sim.port()).close());
    }

    @Test
    void mainPrintsOneLineAndBadOptionsExitWith2() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(GenesysSimulator.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();

        Process bad = new ProcessBuilder(java, "-cp", classes, GenesysSimulator.class.getName(), "--limit", "ten")
                .redirectErrorStream(true).start();
        String output = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bad.waitFor(10, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue());
        assertTrue(output.startsWith("error: --limit: expected an integer >= 1, got 'ten'"), output);

        Process ok = new ProcessBuilder(java, "-cp", classes, GenesysSimulator.class.getName(),
                "--port", "0", "--limit", "7", "--period", "30").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(ok.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line.matches("RateGuard Genesys simulator listening on http://127\\.0\\.0\\.1:\\d+ "
                    + "\\(limit 7 per 30 s\\)"), line);
            int port = Integer.parseInt(line.replaceAll(".*:(\\d+) .*", "$1"));
            assertEquals(401, RawHttp.exchange(port, "GET /api/v2/flows HTTP/1.1\r\nHost: x\r\n\r\n").status());
        } finally {
            ok.destroy(); // SIGTERM: the shutdown hook closes the simulator
            assertTrue(ok.waitFor(10, TimeUnit.SECONDS));
        }
    }
}
