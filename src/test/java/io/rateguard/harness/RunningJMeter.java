package io.rateguard.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JMeter child process in flight: wait for lines in its console output or log, send it control
 * commands, then {@link #await()} its {@link JMeterResult}. Closing kills it if it still runs,
 * so a failed test never leaves a JMeter behind.
 */
public final class RunningJMeter implements AutoCloseable {

    /** Printed by JMeter once the test has started and the UDP control listener is bound. */
    public static final Pattern CONTROL_PORT_OPEN =
            Pattern.compile("Waiting for possible Shutdown/StopTestNow/HeapDump/ThreadDump message on port (\\d+)");
    /** Printed when JMeter could not bind the control port (then commands go nowhere). */
    public static final Pattern CONTROL_PORT_FAILED = Pattern.compile("Failed to create UDP port");
    /** Printed just before the engine starts the thread groups. */
    public static final Pattern TEST_STARTING = Pattern.compile("^Starting standalone test @");
    /** The summariser's cumulative line ({@code summary = ...}), printed at least at the end. */
    public static final Pattern SUMMARY_TOTAL = Pattern.compile("^summary = ");

    private static final int TAIL_LINES = 30;
    /** How long a command waits for the control port when the caller did not wait first. */
    private static final Duration COMMAND_PORT_WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final JMeterRun run;
    private final int udpPort;
    private final long startNanos;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final LogTail log;
    private final AtomicLong exitNanos = new AtomicLong();
    private final AtomicLong firstStopNanos = new AtomicLong();
    private final AtomicBoolean timedOut = new AtomicBoolean();

    private RunningJMeter(Process process, JMeterRun run, int udpPort, long startNanos) {
        this.process = process;
        this.run = run;
        this.udpPort = udpPort;
        this.startNanos = startNanos;
        this.stdout = OutputPump.start(run.stdout(), process.getInputStream(), "jmeter-stdout-" + process.pid());
        this.stderr = OutputPump.start(run.stderr(), process.getErrorStream(), "jmeter-stderr-" + process.pid());
        this.log = new LogTail(run.log());
        // stamped by the JDK's process reaper, so the stop-to-exit figure does not depend on
        // when a caller gets round to waiting
        process.onExit().thenRun(() -> exitNanos.compareAndSet(0, System.nanoTime()));
        startWatchdog(run.timeout());
    }

    static RunningJMeter launch(ProcessBuilder pb, JMeterRun run, int udpPort) throws IOException {
        long start = System.nanoTime();
        Process process = pb.start();
        return new RunningJMeter(process, run, udpPort, start);
    }

    private void startWatchdog(Duration timeout) {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    destroyTree();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jmeter-watchdog-" + process.pid());
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Kills JMeter and anything it started (an OS process sampler, say). */
    private void destroyTree() {
        // list the descendants first: once the parent is gone they are re-parented and lost
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The UDP port JMeter listens on for control commands once the test has started. */
    public int udpPort() {
        return udpPort;
    }

    public JMeterRun run() {
        return run;
    }

    /** First stdout line (so far or within {@code timeout}) containing a match; empty if none before exit. */
    public Optional<String> awaitStdout(Pattern pattern, Duration timeout) throws InterruptedException {
        return stdout.awaitLine(pattern, timeout);
    }

    /** As {@link #awaitStdout(Pattern, Duration)} for a literal piece of text. */
    public Optional<String> awaitStdout(String text, Duration timeout) throws InterruptedException {
        return awaitStdout(Pattern.compile(Pattern.quote(text)), timeout);
    }

    /** First jmeter.log line (so far or within {@code timeout}) containing a match. */
    public Optional<String> awaitLog(Pattern pattern, Duration timeout) throws InterruptedException {
        return log.awaitLine(pattern, timeout, process::isAlive);
    }

    public Optional<String> awaitLog(String text, Duration timeout) throws InterruptedException {
        return awaitLog(Pattern.compile(Pattern.quote(text)), timeout);
    }

    /**
     * Waits until the test runs and its control port listens (JMeter binds it only after
     * starting the engine). False on timeout, on exit, or when JMeter could not bind the port.
     */
    public boolean awaitTestStarted(Duration timeout) throws InterruptedException {
        Pattern either = Pattern.compile(CONTROL_PORT_OPEN.pattern() + "|" + CONTROL_PORT_FAILED.pattern());
        Optional<String> line = awaitStdout(either, timeout);
        if (line.isEmpty()) {
            return false;
        }
        Matcher m = CONTROL_PORT_OPEN.matcher(line.get());
        if (!m.find()) {
            return false;
        }
        if (Integer.parseInt(m.group(1)) != udpPort) {
            throw new IllegalStateException("JMeter listens on " + m.group(1) + ", not on " + udpPort);
        }
        return true;
    }

    /**
     * Sends a control command, first waiting (up to a minute) for the control port to open, so
     * a command sent too early is not silently lost.
     *
     * @throws IllegalStateException when the process ended or the port never opened
     */
    public void send(ControlCommand command) throws InterruptedException {
        if (!awaitTestStarted(COMMAND_PORT_WAIT)) {
            throw new IllegalStateException("cannot send " + command.wire() + ": JMeter's control port "
                    + udpPort + " is not open (" + (process.isAlive() ? "still starting?" : "process ended") + ")");
        }
        if (command.endsTest()) {
            firstStopNanos.compareAndSet(0, System.nanoTime());
        }
        command.sendTo(udpPort);
    }

    /** Stop now: JMeter interrupts samplers and timers. */
    public void stopTestNow() throws InterruptedException {
        send(ControlCommand.STOP_TEST_NOW);
    }

    /** Graceful shutdown: threads finish their current sample. */
    public void shutdown() throws InterruptedException {
        send(ControlCommand.SHUTDOWN);
    }

    /** Waits for the end (the watchdog enforces the run's timeout) and collects the outcome. */
    public JMeterResult await() throws InterruptedException {
        int code = process.waitFor();
        long exit = exitNanos.get();
        if (exit == 0) {
            exit = System.nanoTime();
        }
        // the pipes drain a moment after exit
        stdout.awaitEnd(Duration.ofSeconds(10));
        stderr.awaitEnd(Duration.ofSeconds(10));
        long stop = firstStopNanos.get();
        Optional<Duration> stopToExit = stop == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(exit - stop));
        return new JMeterResult(
                code,
                timedOut.get(),
                Duration.ofNanos(exit - startNanos),
                stopToExit,
                run.jtl(),
                run.log(),
                run.stdout(),
                run.stderr(),
                run.htmlReport() ? Optional.of(run.reportDir()) : Optional.empty(),
                stdout.lastLines(TAIL_LINES),
                stderr.lastLines(TAIL_LINES));
    }

    /** The last lines of jmeter.log, for messages about a run that went wrong. */
    public List<String> lastLogLines(int n) {
        return log.lastLines(n);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            destroyTree();
        }
    }
}
