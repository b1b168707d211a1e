package io.rateguard.report;

import io.rateguard.convert.ConvertCommand;
import io.rateguard.convert.ConvertOptions;
import io.rateguard.convert.StockHttpPlans;
import io.rateguard.harness.JMeterHome;
import io.rateguard.harness.JMeterResult;
import io.rateguard.harness.JMeterRun;
import io.rateguard.jmeter.SampleFigures;
import io.rateguard.plans.PlanFiles;
import io.rateguard.sim.GenesysSimulator;
import io.rateguard.sim.SimulatorConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * docs/rateguard-report.properties puts RateGuard's per-sample figures into JMeter's own HTML
 * dashboard: a converted plan runs headless into 429s with the report on (-e -o), and the report's
 * custom-graph data holds a series per figure with the values the run produced.
 */
class DashboardReportIT {

    static final Path REPORT_PROPERTIES = JMeterHome.projectDir().resolve("docs/rateguard-report.properties");

    @Test
    void theDashboardGraphsThrottleWaitPausesAndRetries() throws Exception {
        System.setProperty("java.awt.headless", "true");
        PlanFiles.initJMeter(JMeterHome.locate().dir());
        Path dir = JMeterHome.projectDir().resolve("target/it/dashboard");
        Path stock = StockHttpPlans.genesysFlows(dir.resolve("flows-stock.jmx"), 1, 40,
                SimulatorConfig.DEFAULT_CLIENT_ID, SimulatorConfig.DEFAULT_CLIENT_SECRET);
        Path plan = dir.resolve("flows-converted.jmx");
        // a bucket at twice what the server allows: 429s, pauses and retries to graph
        ConvertCommand.run(JMeterHome.locate().dir(), ConvertOptions.parse(List.of(stock.toString(), plan.toString(), "--limit", "20", "--period", "1")));
        Properties report = new Properties();
        try (Reader in = Files.newBufferedReader(REPORT_PROPERTIES)) {
            report.load(in);
        }
        assertEquals(SampleFigures.SAMPLE_VARIABLES, report.getProperty("sample_variables"));
        try (GenesysSimulator server = GenesysSimulator.start(SimulatorConfig.builder().tokenLimit(10).tokenPeriodSeconds(1).build())) {
            JMeterRun.Builder run = JMeterRun.builder()
                    .plan(plan)
                    .outputDir(dir.resolve("run"))
                    .property("port", server.port())
                    .property("rateguard.progress.interval", 0)
                    .property("jmeter.reportgenerator.overall_granularity", 1000)
                    .sampleVariables(SampleFigures.SAMPLE_VARIABLES)
                    .htmlReport(true)
                    .timeout(Duration.ofMinutes(2));
            // the harness sets sample_variables itself; everything else as a user's -q file would
            report.stringPropertyNames().stream().filter(k -> !k.equals("sample_variables"))
                    .forEach(k -> run.property(k, report.getProperty(k)));
            JMeterResult result = run.build().run();
            result.requireCleanExit();
            assertTrue(server.stats().refused() > 0, "the run should have met 429s");
            Path reportDir = result.reportDir().orElseThrow();
            Map<String, JsonNode> graphs = customGraphs(reportDir.resolve("content/js/customGraph.js"));
            assertEquals(Set.of(SampleFigures.THROTTLE_MS, SampleFigures.PAUSE_MS, SampleFigures.RETRIES), graphs.keySet());
            graphs.forEach((figure, graph) -> {
                JsonNode points = graph.path("series").path(0).path("data");
                assertTrue(points.size() >= 2, figure + ": points over time " + points);
                // pauses and retries come only from 429s, throttle wait from pacing too: all above 0 at some time
                assertTrue(graph.path("maxY").asDouble() > 0, figure + ": " + graph);
                assertEquals(1000, graph.path("granularity").asInt());
                assertTrue(graph.path("title").asText().startsWith("RateGuard: "), graph.path("title").asText());
            });
            assertTrue(Files.readString(reportDir.resolve("content/pages/CustomsGraphs.html")).contains("RateGuard"),
                    "the Customs Graphs page lists RateGuard's graphs");
        }
    }

    /** The data the dashboard plots for each custom graph, by the sample variable it graphs. */
    static Map<String, JsonNode> customGraphs(Path customGraphJs) throws IOException {
        Map<String, JsonNode> graphs = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(customGraphJs)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("data: {\"result\"")) {
                JsonNode result = json.readTree(trimmed.substring("data: ".length()).replaceFirst(",$", "")).path("result");
                graphs.put(result.path("sample_Metric_Name").asText(), result);
            }
        }
        return graphs;
    }
}
