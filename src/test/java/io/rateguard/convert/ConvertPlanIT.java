package io.rateguard.convert;

import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.JMeterResult;
import io.rateguard.harness.JMeterRun;
import io.rateguard.harness.JtlReader;
import io.rateguard.harness.JtlRow;
import io.rateguard.jmeter.RateGuardBucket;
import io.rateguard.jmeter.RateGuardHttpSampler;
import io.rateguard.jmeter.RateGuardTimer;
import io.rateguard.jmeter.SampleFigures;
import io.rateguard.jmeter.gui.RateGuardHttpSamplerGui;
import io.rateguard.plans.PlanFiles;
import io.rateguard.sim.GenesysSimulator;
import io.rateguard.sim.SimulatorConfig;
import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.protocol.http.control.HeaderManager;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerProxy;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.TestPlan;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code convert} on plans built and saved by stock JMeter 5.6.3's own elements: every HTTP
 * Request becomes a RateGuard HTTP Request with every property kept, a Bucket and a Timer appear
 * under the Test Plan, the result is in JMeter's saved form and opens in the GUI unchanged; the
 * command works from the jar; and a converted plan runs headless against the local server.
 */
class ConvertPlanIT {

    private static JMeterHome home;
    private static Path dir;

    @BeforeAll
    static void jmeter() throws IOException {
        System.setProperty("java.awt.headless", "true");
        home = JMeterHome.locate();
        PlanFiles.initJMeter(home.dir());
        dir = JMeterHome.projectDir().resolve("target/it/convert");
        Files.createDirectories(dir);
    }

    private static Path assorted(String name) throws IOException {
        Path upload = Files.writeString(dir.resolve("report.txt"), "quarterly figures\n");
        return StockHttpPlans.assortedFeatures(dir.resolve(name), upload);
    }

    @Test
    void everyHttpRequestBecomesARateGuardRequestKeepingEverySetting() throws IOException {
        Path stock = assorted("assorted-stock.jmx");
        HashTree before = PlanFiles.load(stock);
        List<TestElement> stockSamplers = find(before, HTTPSamplerProxy.class);
        assertEquals(5, stockSamplers.size());

        Path out = dir.resolve("assorted-converted.jmx");
        PlanConverter.Result r = ConvertCommand.run(home.dir(),
                ConvertOptions.parse(List.of(stock.toString(), out.toString(), "--limit", "120", "--period", "30", "--bucket", "api")));
        assertEquals(List.of("POST JSON", "Upload a file", "Page with resources", "PUT with query", "Disabled DELETE"),
                r.convertedSamplers());
        assertTrue(r.bucketAdded());
        assertTrue(r.timerAdded());

        String saved = Files.readString(out);
        assertEquals(saved, PlanFiles.roundTrip(out), "the converted plan is in JMeter's saved form");
        assertFalse(saved.contains("HTTPSamplerProxy"), saved);
        HashTree after = PlanFiles.load(out);
        assertTrue(find(after, HTTPSamplerProxy.class).isEmpty());
        List<TestElement> converted = find(after, RateGuardHttpSampler.class);
        assertEquals(stockSamplers.size(), converted.size());
        for (int i = 0; i < converted.size(); i++) {
            TestElement was = stockSamplers.get(i);
            TestElement now = converted.get(i);
            Map<String, String> expected = properties(was);
            expected.put(TestElement.TEST_CLASS, RateGuardHttpSampler.class.getName());
            expected.put(TestElement.GUI_CLASS, RateGuardHttpSamplerGui.class.getName());
            expected.put(RateGuardHttpSampler.BUCKET, "api");
            expected.putAll(Map.of(RateGuardHttpSampler.MAX_RETRIES, "5", RateGuardHttpSampler.MAX_TOTAL_WAIT, "300",
                    RateGuardHttpSampler.DEFAULT_WAIT, "3", RateGuardHttpSampler.MAX_WAIT, "180",
                    RateGuardHttpSampler.RETRY_ON_503, "false"));
            assertEquals(expected, properties(now), was.getName());
            assertEquals(was.isEnabled(), now.isEnabled(), was.getName());
            // and the GUI shows and saves it without losing anything
            TestElement viaGui = (TestElement) now.clone();
            RateGuardHttpSamplerGui gui = new RateGuardHttpSamplerGui();
            gui.configure(viaGui);
            gui.modifyTestElement(viaGui);
            assertEquals(nonEmpty(properties(now)), nonEmpty(properties(viaGui)), now.getName() + " through the GUI");
        }
        assertTrue(saved.contains("<stringProp name=\"HTTPSampler.implementation\">HttpClient4</stringProp>"), saved);
        assertTrue(saved.contains("<stringProp name=\"HTTPSampler.implementation\">Java</stringProp>"), saved);
        assertTrue(saved.contains("<intProp name=\"HTTPSampler.response_timeout\">15000</intProp>"), saved);
        assertTrue(saved.contains("<boolProp name=\"HTTPSampler.image_parser\">true</boolProp>"), saved);
        assertTrue(saved.contains("testname=\"Disabled DELETE\" enabled=\"false\""), saved);

        // children stay with their sampler, and the defaults stay stock
        HashTree jsonChildren = childrenOf(after, "POST JSON");
        assertEquals(1, jsonChildren.list().size());
        assertInstanceOf(HeaderManager.class, jsonChildren.list().iterator().next());
        assertEquals(1, find(after, ConfigTestElement.class).stream()
                .filter(e -> e.getName().equals("HTTP Request Defaults")).count());

        // the budget and its timer sit directly under the Test Plan
        TestPlan plan = (TestPlan) after.list().iterator().next();
        List<Object> top = new ArrayList<>(after.getTree(plan).list());
        RateGuardBucket bucket = (RateGuardBucket) top.stream().filter(RateGuardBucket.class::isInstance).findFirst().orElseThrow();
        assertEquals("api", bucket.getPropertyAsString("bucketName"));
        assertEquals("120", bucket.getPropertyAsString("limit"));
        assertEquals("30", bucket.getPropertyAsString("period"));
        RateGuardTimer timer = (RateGuardTimer) top.stream().filter(RateGuardTimer.class::isInstance).findFirst().orElseThrow();
        assertEquals("api", timer.getPropertyAsString("bucketName"));
    }

    @Test
    void aPlanWithATimerDeeperDownGetsNoSecondTimer() throws IOException {
        Path plan = JMeterHome.locate().projectDir().resolve("test-plans/architect-flows-burst.jmx");
        Path out = dir.resolve("burst-converted.jmx");
        PlanConverter.Result r = ConvertCommand.run(home.dir(), ConvertOptions.parse(List.of(plan.toString(), out.toString())));
        assertFalse(r.timerAdded(), "the plan's thread group already has a RateGuard Timer: a second would halve the rate");
        assertEquals(1, Files.readString(out).split("testclass=\"io.rateguard.jmeter.RateGuardTimer\"", -1).length - 1);
    }

    @Test
    void convertingAConvertedPlanChangesNothing() throws IOException {
        Path once = dir.resolve("once.jmx");
        ConvertCommand.run(home.dir(), ConvertOptions.parse(List.of(assorted("twice-stock.jmx").toString(), once.toString())));
        Path twice = dir.resolve("twice.jmx");
        PlanConverter.Result r = ConvertCommand.run(home.dir(), ConvertOptions.parse(List.of(once.toString(), twice.toString())));
        assertEquals(List.of(), r.convertedSamplers());
        assertFalse(r.bucketAdded());
        assertFalse(r.timerAdded());
        assertEquals(Files.readString(once), Files.readString(twice));
    }

    @Test
    void theJarConvertsFromTheCommandLineAndExplainsBadArguments() throws Exception {
        Path stock = assorted("cli-stock.jmx");
        Path out = dir.resolve("cli-converted.jmx");
        Files.deleteIfExists(out);
        Command ok = java("-jar", home.pluginJar().toString(), "convert", stock.toString(), out.toString(), "--limit", "50");
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("HTTP Requests converted: 5"), ok.output());
        assertTrue(Files.readString(out).contains("<stringProp name=\"limit\">50</stringProp>"));

        Command badLimit = java("-jar", home.pluginJar().toString(), "convert", stock.toString(), out.toString(), "--limit", "lots");
        assertEquals(1, badLimit.exit(), badLimit.output());
        assertTrue(badLimit.output().contains("--limit must be a whole number of requests (1 or more) or a ${...}"
                + " expression, was 'lots'"), badLimit.output());

        Command tooFast = java("-jar", home.pluginJar().toString(), "convert", stock.toString(), out.toString(),
                "--limit", "300", "--period", "1e-9");
        assertEquals(1, tooFast.exit(), tooFast.output());
        assertTrue(tooFast.output().contains("is more than one request per nanosecond"), tooFast.output());

        Path notAPlan = Files.writeString(dir.resolve("not-a-plan.jmx"), "hello, I am text");
        Command text = java("-jar", home.pluginJar().toString(), "convert", notAPlan.toString(), out.toString());
        assertEquals(1, text.exit(), text.output());
        assertTrue(text.output().contains(notAPlan + " is not a JMeter plan JMeter can load"), text.output());
        assertFalse(text.output().contains("\tat "), "no stack trace: " + text.output());

        Command same = java("-jar", home.pluginJar().toString(), "convert", stock.toString(), stock.toString());
        assertEquals(1, same.exit(), same.output());
        assertTrue(same.output().contains("would overwrite " + stock), same.output());

        Command missing = java("-jar", home.pluginJar().toString(), "convert", dir.resolve("nope.jmx").toString(), out.toString());
        assertEquals(1, missing.exit(), missing.output());
        assertTrue(missing.output().contains("no plan at"), missing.output());

        Command noHome = java("-Djmeter.home=" + dir, "-jar", home.pluginJar().toString(), "convert", stock.toString(), out.toString());
        assertEquals(2, noHome.exit(), noHome.output());
        assertTrue(noHome.output().contains("no JMeter home at " + dir), noHome.output());
    }

    /** A converted stock plan runs headless: the budget paces it, figures reach the JTL, progress lines print. */
    @Test
    void aConvertedPlanRunsHeadlessAgainstTheLocalServer() throws Exception {
        int threads = 3;
        int loops = 10;
        Path stock = StockHttpPlans.genesysFlows(dir.resolve("flows-stock.jmx"), threads, loops,
                SimulatorConfig.DEFAULT_CLIENT_ID, SimulatorConfig.DEFAULT_CLIENT_SECRET);
        Path converted = dir.resolve("flows-converted.jmx");
        // 10 requests a second; the server allows 20 per 2 s window per token
        ConvertCommand.run(home.dir(), ConvertOptions.parse(List.of(stock.toString(), converted.toString(), "--limit", "10", "--period", "1")));
        try (GenesysSimulator server = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(20).tokenPeriodSeconds(2).build())) {
            JMeterResult result = JMeterRun.builder()
                    .plan(converted)
                    .outputDir(dir.resolve("flows-run"))
                    .property("port", server.port())
                    .property("rateguard.progress.interval", 1)
                    .sampleVariables(SampleFigures.SAMPLE_VARIABLES)
                    .timeout(Duration.ofMinutes(2))
                    .build()
                    .run();
            result.requireCleanExit();
            List<JtlRow> rows = JtlReader.read(result.jtl()).stream().filter(row -> !row.isAttempt()).toList();
            assertEquals(threads * (loops + 1), rows.size(), result::describe);
            assertTrue(rows.stream().allMatch(JtlRow::success), () -> rows.stream().filter(r -> !r.success()).toList().toString());
            assertEquals(threads * loops, server.stats().count(200), "flow listings served");
            // 33 requests at 10/s from one token at the start: most of them waited for the budget
            long throttled = rows.stream().filter(row -> row.longVariable(SampleFigures.THROTTLE_MS) > 0).count();
            assertTrue(throttled >= rows.size() / 2, "throttled samples: " + throttled + " of " + rows.size());
            long spanMs = rows.stream().mapToLong(JtlRow::endTime).max().orElseThrow()
                    - rows.stream().mapToLong(JtlRow::timeStamp).min().orElseThrow();
            assertTrue(spanMs >= 2500, "33 requests at 10/s cannot take less than ~3.2 s, took " + spanMs + " ms");
            String stdout = Files.readString(result.stdout());
            assertTrue(stdout.contains("rateguard +"), stdout);
            assertTrue(stdout.matches("(?s).*rateguard =\\s+33 in \\d\\d:\\d\\d:\\d\\d = .*of\\s+10\\.0/s \\[default\\] 429s:\\s+\\d+.*"), stdout);
        }
    }

    private record Command(int exit, String output) {
    }

    private static Command java(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Command(p.exitValue(), output);
    }

    private static HashTree childrenOf(HashTree tree, String name) {
        for (Object key : tree.list()) {
            if (key instanceof TestElement e && e.getName().equals(name)) {
                return tree.getTree(key);
            }
            HashTree found = childrenOf(tree.getTree(key), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static <T> List<TestElement> find(HashTree tree, Class<T> type) {
        SearchByClass<T> search = new SearchByClass<>(type);
        tree.traverse(search);
        List<TestElement> found = new ArrayList<>();
        search.getSearchResults().forEach(e -> found.add((TestElement) e));
        return found;
    }

    private static Map<String, String> properties(TestElement e) {
        Map<String, String> all = new TreeMap<>();
        for (PropertyIterator it = e.propertyIterator(); it.hasNext(); ) {
            JMeterProperty p = it.next();
            all.put(p.getName(), p.getStringValue());
        }
        return all;
    }

    private static Map<String, String> nonEmpty(Map<String, String> all) {
        Map<String, String> kept = new TreeMap<>(all);
        kept.values().removeIf(v -> v == null || v.isEmpty());
        kept.remove(TestElement.ENABLED);
        return kept;
    }
}
