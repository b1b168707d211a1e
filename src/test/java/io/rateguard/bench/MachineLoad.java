package io.rateguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What else the machine was doing: cores, load averages and other busy JVMs, for the report. */
final class MachineLoad {

    private MachineLoad() {
    }

    static String describe() {
        String load;
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            load = "load average " + f[0] + " / " + f[1] + " / " + f[2] + " (1/5/15 min)";
        } catch (IOException | RuntimeException e) {
            load = "load average unknown";
        }
        long self = ProcessHandle.current().pid();
        long otherJvms = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .count();
        return String.format(Locale.ROOT, "%d cores, %s, %d other java processes",
                Runtime.getRuntime().availableProcessors(), load, otherJvms);
    }
}
