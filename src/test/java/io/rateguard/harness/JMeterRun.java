package io.rateguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One headless JMeter run in a child JVM: {@code java -jar bin/ApacheJMeter.jar -n -t plan
 * -l results.jtl -j jmeter.log}. A child process (not an embedded engine) because JMeter keeps
 * JVM-wide static state and calls System.exit, and because users run it exactly this way.
 *
 * <pre>{@code
 * JMeterResult r = JMeterRun.builder().plan(jmx).outputDir(dir).property("port", "8080")
 *         .sampleVariables(SampleFigures.SAMPLE_VARIABLES).build().run();
 * }</pre>
 */
public final class JMeterRun {

    public static final String JTL_NAME = "results.jtl";
    public static final String LOG_NAME = "jmeter.log";
    public static final String STDOUT_NAME = "stdout.txt";
    public static final String STDERR_NAME = "stderr.txt";
    public static final String REPORT_NAME = "report";

    /** Enough for the plans tests run; JMeter's own launcher script defaults to 1 GB as well. */
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx1g");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /** Properties the harness sets itself: the reader and the control port depend on them. */
    static final List<String> RESERVED_PROPERTIES = List.of(
            "jmeter.save.saveservice.output_format",
            "jmeter.save.saveservice.print_field_names",
            "sampleresult.timestamp.start",
            "jmeterengine.nongui.port",
            "jmeterengine.nongui.maxport",
            "jmeter.exit.check.pause",
            "sample_variables");

    private final JMeterHome home;
    private final Path plan;
    private final Path outputDir;
    private final Map<String, String> properties;
    private final List<String> sampleVariables;
    private final List<String> jvmArgs;
    private final Map<String, String> environment;
    private final boolean htmlReport;
    private final Duration timeout;

    private JMeterRun(Builder b) {
        this.home = b.home != null ? b.home : JMeterHome.locate();
        this.plan = Objects.requireNonNull(b.plan, "plan").toAbsolutePath().normalize();
        this.outputDir = Objects.requireNonNull(b.outputDir, "outputDir").toAbsolutePath().normalize();
        this.properties = Map.copyOf(b.properties);
        this.sampleVariables = List.copyOf(b.sampleVariables);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.environment = Map.copyOf(b.environment);
        this.htmlReport = b.htmlReport;
        this.timeout = b.timeout;
        if (!Files.isRegularFile(plan)) {
            throw new IllegalArgumentException("no test plan at " + plan);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts JMeter and waits for it to end (or be killed at the timeout). */
    public JMeterResult run() throws InterruptedException {
        try (RunningJMeter running = start()) {
            return running.await();
        }
    }

    /** Starts JMeter and returns at once, so the caller can watch output or send commands. */
    public RunningJMeter start() {
        int udpPort = FreeUdpPort.find();
        prepareOutputDir();
        ProcessBuilder pb = new ProcessBuilder(command(udpPort))
                // relative paths a plan writes (CSV, dumps) land next to the results
                .directory(outputDir.toFile());
        // secrets travel in the environment: JMeter logs every -J value
        pb.environment().putAll(environment);
        try {
            return RunningJMeter.launch(pb, this, udpPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start JMeter: " + String.join(" ", pb.command()), e);
        }
    }

    /** The full command line for a given control port; public so failures can be reproduced by hand. */
    public List<String> command(int udpPort) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmArgs);
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-jar");
        cmd.add(home.launcherJar().toString());
        cmd.add("-n");
        cmd.add("-t");
        cmd.add(plan.toString());
        cmd.add("-l");
        cmd.add(jtl().toString());
        cmd.add("-j");
        cmd.add(log().toString());
        if (htmlReport) {
            cmd.add("-e");
            cmd.add("-o");
            cmd.add(reportDir().toString());
        }
        // what JtlReader expects, whatever a user.properties in the home says
        cmd.add("-Jjmeter.save.saveservice.output_format=csv");
        cmd.add("-Jjmeter.save.saveservice.print_field_names=true");
        cmd.add("-Jsampleresult.timestamp.start=true");
        // a private control port: the default 4445 would be shared by concurrent runs
        cmd.add("-Jjmeterengine.nongui.port=" + udpPort);
        cmd.add("-Jjmeterengine.nongui.maxport=" + udpPort);
        // no lingering thread-check after the test: exit as soon as the engine is done
        cmd.add("-Jjmeter.exit.check.pause=0");
        if (!sampleVariables.isEmpty()) {
            // JMeter splits on ',' without trimming: no spaces
            cmd.add("-Jsample_variables=" + String.join(",", sampleVariables));
        }
        properties.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> cmd.add("-J" + e.getKey() + "=" + e.getValue()));
        return cmd;
    }

    /** The java of the JVM running the tests, so the child sees the same version. */
    static String javaExecutable() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot find the java executable"));
    }

    private void prepareOutputDir() {
        try {
            Files.createDirectories(outputDir);
            // stale files from an earlier run would be appended to or mistaken for this run's
            for (Path p : List.of(jtl(), log(), stdout(), stderr())) {
                Files.deleteIfExists(p);
            }
            if (Files.exists(reportDir())) {
                deleteTree(reportDir());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + outputDir, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public JMeterHome home() {
        return home;
    }

    public Path plan() {
        return plan;
    }

    public Path outputDir() {
        return outputDir;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean htmlReport() {
        return htmlReport;
    }

    public Path jtl() {
        return outputDir.resolve(JTL_NAME);
    }

    public Path log() {
        return outputDir.resolve(LOG_NAME);
    }

    public Path stdout() {
        return outputDir.resolve(STDOUT_NAME);
    }

    public Path stderr() {
        return outputDir.resolve(STDERR_NAME);
    }

    public Path reportDir() {
        return outputDir.resolve(REPORT_NAME);
    }

    /** Collects the settings of a run; {@link #plan} and {@link #outputDir} are required. */
    public static final class Builder {
        private JMeterHome home;
        private Path plan;
        private Path outputDir;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> sampleVariables = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> jvmArgs = DEFAULT_JVM_ARGS;
        private boolean htmlReport;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        /** Defaults to {@link JMeterHome#locate()}. */
        public Builder home(JMeterHome home) {
            this.home = home;
            return this;
        }

        public Builder plan(Path plan) {
            this.plan = plan;
            return this;
        }

        /** Receives results.jtl, jmeter.log, stdout.txt, stderr.txt and report/; created if absent. */
        public Builder outputDir(Path outputDir) {
            this.outputDir = outputDir;
            return this;
        }

        /** A JMeter property ({@code -Jname=value}), readable in the plan as {@code ${__P(name)}}. */
        public Builder property(String name, Object value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("property name is blank");
            }
            if (RESERVED_PROPERTIES.contains(name)) {
                throw new IllegalArgumentException(name + " is set by the harness"
                        + (name.equals("sample_variables") ? "; use sampleVariables(...)" : ""));
            }
            properties.put(name, String.valueOf(value));
            return this;
        }

        public Builder properties(Map<String, ?> values) {
            values.forEach(this::property);
            return this;
        }

        /** Variables JMeter appends as result-file columns (names, or one comma-separated list). */
        public Builder sampleVariables(String... names) {
            for (String name : names) {
                for (String part : name.split(",")) {
                    String trimmed = part.strip();
                    if (trimmed.chars().anyMatch(Character::isWhitespace)) {
                        throw new IllegalArgumentException("sample variable with a space: '" + trimmed + "'");
                    }
                    if (!trimmed.isEmpty() && !sampleVariables.contains(trimmed)) {
                        sampleVariables.add(trimmed);
                    }
                }
            }
            return this;
        }

        public Builder sampleVariables(List<String> names) {
            return sampleVariables(names.toArray(String[]::new));
        }

        /** Replaces the default {@code -Xmx1g}. */
        /** An environment variable for the JMeter process, e.g. a client secret (never a -J value). */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder jvmArgs(List<String> args) {
            this.jvmArgs = List.copyOf(args);
            return this;
        }

        public Builder jvmArgs(String... args) {
            return jvmArgs(List.of(args));
        }

        /** Also generate the HTML dashboard ({@code -e -o report}) at the end. */
        public Builder htmlReport(boolean on) {
            this.htmlReport = on;
            return this;
        }

        /** Hard limit: after it the process tree is killed and the run reported as timed out. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public JMeterRun build() {
            return new JMeterRun(this);
        }
    }
}
