package io.rateguard.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real JMeter home assembled by {@code mvn package} on stock plans against a JDK HTTP
 * server, to prove the harness itself: launching, reading results and stopping mid-run.
 */
class HarnessSmokeIT {

    private static HttpServer server;
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            requests.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static Path runDir(String name) {
        return JMeterHome.projectDir().resolve("target").resolve("harness-it").resolve(name);
    }

    @Test
    void runsAStockPlanAndReadsItsResults() throws Exception {
        Path dir = runDir("stock-http");
        Path plan = StockPlans.httpLoop(dir.resolve("stock-http.jmx"), 2, 5, "/hello");
        int before = requests.get();

        JMeterResult result = JMeterRun.builder()
                .plan(plan)
                .outputDir(dir)
                .property("port", server.getAddress().getPort())
                // a variable no element sets: JMeter still writes its column
                .sampleVariables("rateguard_retries")
                .htmlReport(true)
                .timeout(Duration.ofMinutes(2))
                .build()
                .run();

        System.out.println(result.describe());
        assertEquals(0, result.exitCode(), result::describe);
        assertFalse(result.timedOut(), result::describe);
        List<JtlRow> rows = JtlReader.read(result.jtl());
        assertEquals(10, rows.size(), result::describe);
        for (JtlRow row : rows) {
            assertTrue(row.success(), () -> row + "\n" + result.describe());
            assertEquals("hello", row.label());
            assertEquals("200", row.responseCode());
            assertTrue(row.bytes() > 0);
            assertEquals(0, row.longVariable("rateguard_retries"), "\"null\" reads as unset");
            assertTrue(row.variables().isEmpty(), "unset variables read as absent: " + row.variables());
        }
        assertEquals(2, rows.stream().map(JtlRow::threadName).distinct().count());
        assertEquals(10, requests.get() - before);
        assertTrue(Files.isRegularFile(result.reportDir().orElseThrow().resolve("index.html")), result::describe);
        assertTrue(Files.readString(result.log()).contains("sample_variables"), "jmeter.log written");

        RunSummary summary = RunSummary.of(rows);
        System.out.println(summary.format());
        assertEquals(10, summary.logicalSamples());
        assertEquals(0, summary.failedSamples());
    }

    @Test
    void stopTestNowEndsARunningTestWithinSeconds() throws Exception {
        Path dir = runDir("stop-test-now");
        Path plan = StockPlans.longTimer(dir.resolve("long-timer.jmx"), 120_000, "/hello");

        JMeterResult result;
        try (RunningJMeter running = JMeterRun.builder()
                .plan(plan)
                .outputDir(dir)
                .property("port", server.getAddress().getPort())
                .timeout(Duration.ofSeconds(90))
                .build()
                .start()) {
            assertTrue(running.awaitTestStarted(Duration.ofSeconds(60)),
                    () -> "control port never opened; log:\n" + String.join("\n", running.lastLogLines(30)));
            assertTrue(running.awaitLog("Thread started", Duration.ofSeconds(10)).isPresent(),
                    "the thread is in its timer");
            running.stopTestNow();
            result = running.await();
        }

        System.out.println(result.describe());
        assertFalse(result.timedOut(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        Duration stopToExit = result.stopToExit().orElseThrow();
        assertTrue(stopToExit.compareTo(Duration.ofSeconds(5)) < 0, result::describe);
        assertTrue(Files.readString(result.stdout()).contains("Command: StopTestNow received"), result::describe);
        // the timer was interrupted before the sampler ran: a header and nothing else
        assertEquals(0, JtlReader.read(result.jtl()).size(), result::describe);
    }

    @Test
    void shutdownLetsTheCurrentTimerWaitRunOut() throws Exception {
        // Shutdown only clears JMeter's running flag: a thread asleep in a timer sleeps on
        Path dir = runDir("shutdown");
        Path plan = StockPlans.longTimer(dir.resolve("long-timer.jmx"), 3_000, "/hello");

        JMeterResult result;
        try (RunningJMeter running = JMeterRun.builder()
                .plan(plan)
                .outputDir(dir)
                .property("port", server.getAddress().getPort())
                .timeout(Duration.ofSeconds(90))
                .build()
                .start()) {
            assertTrue(running.awaitTestStarted(Duration.ofSeconds(60)));
            assertTrue(running.awaitLog("Thread started", Duration.ofSeconds(10)).isPresent());
            running.shutdown();
            result = running.await();
        }

        System.out.println(result.describe());
        assertFalse(result.timedOut(), result::describe);
        assertEquals(0, result.exitCode(), result::describe);
        Duration stopToExit = result.stopToExit().orElseThrow();
        assertTrue(stopToExit.compareTo(Duration.ofSeconds(2)) > 0, () -> "timer cut short: " + result.describe());
        assertTrue(stopToExit.compareTo(Duration.ofSeconds(15)) < 0, result::describe);
        // once the timer ends the stopped thread skips its sampler
        assertEquals(0, JtlReader.read(result.jtl()).size(), result::describe);
    }

    @Test
    void theHardTimeoutKillsAHungRun() throws Exception {
        Path dir = runDir("timeout");
        Path plan = StockPlans.longTimer(dir.resolve("long-timer.jmx"), 120_000, "/hello");

        long pid;
        JMeterResult result;
        try (RunningJMeter running = JMeterRun.builder()
                .plan(plan)
                .outputDir(dir)
                .property("port", server.getAddress().getPort())
                .timeout(Duration.ofSeconds(6))
                .build()
                .start()) {
            pid = running.pid();
            result = running.await();
        }

        System.out.println(result.describe());
        assertTrue(result.timedOut(), result::describe);
        assertFalse(result.exitedCleanly());
        assertTrue(result.wallTime().compareTo(Duration.ofSeconds(20)) < 0, result::describe);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "JMeter still alive");
        assertTrue(result.describe().contains("TIMED OUT"));
    }
}
