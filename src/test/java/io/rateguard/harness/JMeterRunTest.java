package io.rateguard.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line and the checks, on a fake home: no JMeter is started here. */
class JMeterRunTest {

    @TempDir
    Path dir;

    private JMeterHome fakeHome() throws IOException {
        Path home = dir.resolve("jmeter");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib/ext"));
        Files.writeString(home.resolve("bin/ApacheJMeter.jar"), "");
        Files.writeString(home.resolve("lib/ext/rateguard-jmeter-0.1.0.jar"), "");
        return JMeterHome.at(home);
    }

    private Path plan() throws IOException {
        return Files.writeString(dir.resolve("plan.jmx"), "<jmeterTestPlan/>");
    }

    @Test
    void buildsTheHeadlessCommandLine() throws IOException {
        JMeterHome home = fakeHome();
        JMeterRun run = JMeterRun.builder().home(home).plan(plan()).outputDir(dir.resolve("out"))
                .property("port", 8080).properties(Map.of("rate", "5"))
                .sampleVariables("rateguard_throttle_ms,rateguard_pause_ms", "rateguard_retries")
                .htmlReport(true).build();

        List<String> cmd = run.command(45678);
        String line = String.join(" ", cmd);
        assertTrue(Files.isExecutable(Path.of(cmd.get(0))), cmd.get(0));
        assertEquals("-Xmx1g", cmd.get(1));
        Path out = dir.resolve("out").toAbsolutePath();
        assertTrue(line.contains("-jar " + home.launcherJar() + " -n -t " + dir.resolve("plan.jmx").toAbsolutePath()
                + " -l " + out.resolve("results.jtl") + " -j " + out.resolve("jmeter.log")
                + " -e -o " + out.resolve("report")), line);
        for (String expected : List.of(
                "-Jjmeter.save.saveservice.output_format=csv",
                "-Jjmeter.save.saveservice.print_field_names=true",
                "-Jsampleresult.timestamp.start=true",
                "-Jjmeterengine.nongui.port=45678",
                "-Jjmeterengine.nongui.maxport=45678",
                "-Jjmeter.exit.check.pause=0",
                "-Jsample_variables=rateguard_throttle_ms,rateguard_pause_ms,rateguard_retries",
                "-Jport=8080",
                "-Jrate=5")) {
            assertTrue(cmd.contains(expected), expected + " missing from " + line);
        }
    }

    @Test
    void leavesOutOptionalParts() throws IOException {
        JMeterRun run = JMeterRun.builder().home(fakeHome()).plan(plan()).outputDir(dir)
                .jvmArgs("-Xmx256m", "-XX:+UseSerialGC").build();
        List<String> cmd = run.command(5000);
        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC"), cmd.subList(1, 3));
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-Jsample_variables")), "an empty list would add a '' column");
        assertTrue(!cmd.contains("-e") && !cmd.contains("-o"));
    }

    @Test
    void refusesSettingsTheHarnessOwns() throws IOException {
        JMeterRun.Builder b = JMeterRun.builder().home(fakeHome());
        assertThrows(IllegalArgumentException.class, () -> b.property("jmeter.save.saveservice.output_format", "xml"));
        assertThrows(IllegalArgumentException.class, () -> b.property("sample_variables", "a"));
        assertThrows(IllegalArgumentException.class, () -> b.sampleVariables("a b"));
        assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.plan(dir.resolve("missing.jmx")).outputDir(dir).build());
    }

    @Test
    void aHomeWithoutThePluginSaysHowToBuildIt() throws IOException {
        Path home = dir.resolve("bare");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/ApacheJMeter.jar"), "");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JMeterHome.at(home));
        assertTrue(e.getMessage().contains("mvn -B package"), e.getMessage());
        assertTrue(e.getMessage().contains("rateguard-jmeter-"), e.getMessage());

        IllegalStateException none = assertThrows(IllegalStateException.class, () -> JMeterHome.at(dir.resolve("nowhere")));
        assertTrue(none.getMessage().contains("ApacheJMeter.jar"), none.getMessage());
    }

    @Test
    void freeUdpPortsAreAboveJMetersFloor() {
        assertTrue(FreeUdpPort.find() > 1000);
    }
}
