package io.rateguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JMeter 5.6.3 home that {@code mvn package} assembles (launcher, properties, libraries and
 * the plugin jar in lib/ext). Tests run the real thing from here rather than an embedded engine,
 * so class loading, menus and property files behave as they do for users.
 */
public final class JMeterHome {

    /** Set by the failsafe configuration in the pom; overrides the default location. */
    public static final String HOME_PROPERTY = "rateguard.jmeter.home";
    /** Set by the pom too; IDE runs fall back to the working directory. */
    public static final String PROJECT_DIR_PROPERTY = "rateguard.project.dir";

    private final Path dir;
    private final Path pluginJar;

    private JMeterHome(Path dir, Path pluginJar) {
        this.dir = dir;
        this.pluginJar = pluginJar;
    }

    /** The home named by {@value #HOME_PROPERTY}, else {@code <project dir>/target/jmeter}. */
    public static JMeterHome locate() {
        String explicit = System.getProperty(HOME_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return at(Path.of(explicit));
        }
        return at(projectDir().resolve("target").resolve("jmeter"));
    }

    /** The project's base directory ({@value #PROJECT_DIR_PROPERTY}, else {@code user.dir}). */
    public static Path projectDir() {
        String project = System.getProperty(PROJECT_DIR_PROPERTY);
        if (project == null || project.isBlank()) {
            project = System.getProperty("user.dir");
        }
        return Path.of(project).toAbsolutePath().normalize();
    }

    /** Checks that {@code dir} holds the launcher and exactly one RateGuard plugin jar. */
    public static JMeterHome at(Path dir) {
        Path home = dir.toAbsolutePath().normalize();
        Path launcher = home.resolve("bin").resolve("ApacheJMeter.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException(missing(home, launcher + " is missing"));
        }
        List<Path> plugins = pluginJars(home.resolve("lib").resolve("ext"));
        if (plugins.isEmpty()) {
            throw new IllegalStateException(missing(home, "no rateguard-jmeter-*.jar in lib/ext"));
        }
        if (plugins.size() > 1) {
            // two versions on one flat class path would make results depend on jar order
            throw new IllegalStateException(missing(home, "several plugin jars in lib/ext: " + plugins));
        }
        return new JMeterHome(home, plugins.get(0));
    }

    private static List<Path> pluginJars(Path ext) {
        if (!Files.isDirectory(ext)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ext)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("rateguard-jmeter-") && name.endsWith(".jar");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ext, e);
        }
    }

    private static String missing(Path home, String what) {
        return "Not a usable JMeter home: " + home + " (" + what + "). Run `mvn -B package -DskipTests`"
                + " in the project directory to assemble target/jmeter, or point -D" + HOME_PROPERTY
                + " at a JMeter 5.6.3 home with the plugin jar in lib/ext.";
    }

    public Path dir() {
        return dir;
    }

    public Path binDir() {
        return dir.resolve("bin");
    }

    public Path launcherJar() {
        return binDir().resolve("ApacheJMeter.jar");
    }

    public Path pluginJar() {
        return pluginJar;
    }

    @Override
    public String toString() {
        return "JMeterHome[" + dir + "]";
    }
}
