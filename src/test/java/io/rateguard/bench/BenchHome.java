package io.rateguard.bench;

import io.rateguard.harness.JMeterHome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JMeter home the benchmark runs in: the build's home (plugin in lib/ext) plus, only here,
 * the Throughput Shaping Timer jars the benchmarks profile fetched. A copy, so the build's home
 * and the plugin jar never see a competitor's classes.
 */
final class BenchHome {

    /** System property naming the directory with the shaping timer jars (set by the pom). */
    static final String EXT_PROPERTY = "rateguard.bench.ext";

    private BenchHome() {
    }

    static JMeterHome assemble(JMeterHome base, Path target, Path extraJars) throws IOException {
        List<Path> jars = jarsIn(extraJars);
        if (jars.isEmpty()) {
            throw new IllegalStateException("no Throughput Shaping Timer jars in " + extraJars
                    + ": run through Maven with -Pbenchmarks (see docs/benchmarks.md)");
        }
        deleteTree(target);
        try (Stream<Path> walk = Files.walk(base.dir())) {
            for (Path from : walk.toList()) {
                Path to = target.resolve(base.dir().relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (Path jar : jars) {
            Files.copy(jar, target.resolve("lib/ext").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return JMeterHome.at(target);
    }

    static List<Path> jarsIn(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
