package io.rateguard.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java -jar rateguard-jmeter.jar <command>}. JDK classes only: JMeter is not on the class
 * path of {@code java -jar}, so this finds a JMeter home, puts its lib/ and lib/ext/ jars (this
 * plugin's among them) in a class loader, as JMeter's own launcher does, and runs the command there.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String usage = "usage: java -jar rateguard-jmeter.jar convert <in.jmx> <out.jmx> [--limit N] [--period SECONDS] [--bucket NAME]";
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println(usage);
            return;
        }
        if (args.length == 0 || !"convert".equals(args[0])) {
            System.err.println(usage);
            System.exit(2);
        }
        Path home;
        try {
            home = jmeterHome();
        } catch (IllegalStateException e) {
            System.err.println("RateGuard convert: " + e.getMessage());
            System.exit(2);
            return;
        }
        // JMeter logs through log4j2; keep its output in the home's log file, not on this console
        System.setProperty("log4j.configurationFile", home.resolve("bin/log4j2.xml").toString());
        System.setProperty("jmeter.logfile", System.getProperty("jmeter.logfile",
                Path.of(System.getProperty("java.io.tmpdir"),
                        "rateguard-convert-" + System.getProperty("user.name", "user") + ".log").toString()));
        try (URLClassLoader loader = new URLClassLoader(jars(home), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> command = loader.loadClass("io.rateguard.convert.ConvertCommand");
            command.getMethod("main", Path.class, List.class)
                    .invoke(null, home, List.copyOf(Arrays.asList(args).subList(1, args.length)));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof IOException) {
                System.err.println("RateGuard convert: " + cause.getMessage());
                System.exit(1);
            }
            throw e;
        }
    }

    /** -Djmeter.home, else JMETER_HOME, else the home whose lib/ext holds this jar. */
    static Path jmeterHome() {
        String explicit = System.getProperty("jmeter.home", System.getenv("JMETER_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return requireHome(Path.of(explicit), "-Djmeter.home / JMETER_HOME");
        }
        Path jar = ownJar();
        Path home = jar.getParent() != null && jar.getParent().getParent() != null
                ? jar.getParent().getParent().getParent() : null;
        if (home == null || !jar.getParent().endsWith(Path.of("lib", "ext"))) {
            throw new IllegalStateException("this jar (" + jar + ") is not in a JMeter home's lib/ext;"
                    + " give the home with -Djmeter.home=DIR or JMETER_HOME");
        }
        return requireHome(home, "the jar's location");
    }

    private static Path requireHome(Path home, String source) {
        if (!Files.isRegularFile(home.resolve("bin/jmeter.properties"))) {
            throw new IllegalStateException("no JMeter home at " + home + " (from " + source + "): bin/jmeter.properties is missing");
        }
        return home.toAbsolutePath().normalize();
    }

    private static Path ownJar() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where this jar is: " + e.getMessage());
        }
    }

    private static URL[] jars(Path home) throws IOException {
        List<URL> urls = new ArrayList<>();
        // this jar first: run from elsewhere, it is the version asked for, not an older copy in lib/ext
        urls.add(url(ownJar().toFile()));
        for (String dir : new String[] {"lib", "lib/ext"}) {
            try (Stream<Path> files = Files.list(home.resolve(dir))) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    if (!jar.toAbsolutePath().equals(ownJar())) {
                        urls.add(url(jar.toFile()));
                    }
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static URL url(File f) {
        try {
            return f.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
