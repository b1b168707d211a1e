package io.rateguard.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rateguard.harness.JMeterHome;
import org.apache.jmeter.functions.Function;
import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * plugins-manager/rateguard.json, the entry for JMeter Plugins Manager's repository (kg.apc's
 * format, as in jmeter-plugins.org's site/dat/repo/*.json), matches the jar the build makes: its
 * classes load from that jar, every RateGuard class a plan names is listed, the version being built
 * is offered at its Maven Central address, and no library JMeter already ships is pulled in.
 */
class PluginsManagerDescriptorIT {

    /** Plugins Manager ids of JMeter's own modules (jmeter-plugins.org's repo/jmeter.json). */
    private static final Set<String> JMETER_MODULE_IDS = Set.of("jmeter-core", "jmeter-http", "jmeter-components",
            "jmeter-functions", "jmeter-java", "jmeter-jdbc", "jmeter-tcp", "jmeter-ftp", "jmeter-ldap", "jmeter-mail",
            "jmeter-jms", "jmeter-junit", "jmeter-native", "jmeter-mongodb");

    private static JsonNode plugin;
    private static JMeterHome home;
    private static Properties pom;

    @BeforeAll
    static void read() throws IOException {
        home = JMeterHome.locate();
        JsonNode repo = new ObjectMapper().readTree(JMeterHome.projectDir().resolve("plugins-manager/rateguard.json").toFile());
        assertTrue(repo.isArray(), "a repository file is a JSON array of plugins");
        assertEquals(1, repo.size());
        plugin = repo.get(0);
        pom = new Properties();
        try (JarFile jar = new JarFile(home.pluginJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("META-INF/maven/io.rateguard/rateguard-jmeter/pom.properties"))) {
            pom.load(in);
        }
    }

    @Test
    void hasEveryFieldPluginsManagerReads() {
        for (String field : List.of("id", "name", "description", "screenshotUrl", "helpUrl", "vendor", "markerClass")) {
            assertTrue(plugin.path(field).isTextual() && !plugin.path(field).asText().isBlank(), field);
        }
        assertTrue(plugin.path("id").asText().matches("[a-z0-9-]+"), "ids are lower-case words: " + plugin.path("id"));
        assertTrue(plugin.path("componentClasses").isArray() && plugin.path("componentClasses").size() > 0);
        assertTrue(plugin.path("versions").isObject() && plugin.path("versions").size() > 0);
        for (Iterator<String> it = plugin.path("versions").fieldNames(); it.hasNext(); ) {
            String version = it.next();
            JsonNode v = plugin.path("versions").path(version);
            assertTrue(v.path("downloadUrl").asText().startsWith("https://"), version + " downloadUrl");
            assertTrue(v.path("libs").isObject(), version + " libs");
            assertTrue(v.path("depends").isArray(), version + " depends");
            v.path("depends").forEach(d -> assertTrue(JMETER_MODULE_IDS.contains(d.asText()), "unknown dependency " + d));
        }
    }

    @Test
    void offersTheVersionBeingBuiltAtItsMavenCentralAddress() {
        String version = pom.getProperty("version");
        JsonNode v = plugin.path("versions").path(version);
        assertFalse(v.isMissingNode(), "no entry for version " + version);
        String expected = "https://repo1.maven.org/maven2/" + pom.getProperty("groupId").replace('.', '/') + "/"
                + pom.getProperty("artifactId") + "/" + version + "/" + pom.getProperty("artifactId") + "-" + version + ".jar";
        assertEquals(expected, v.path("downloadUrl").asText());
        assertEquals(home.pluginJar().getFileName().toString(), expected.substring(expected.lastIndexOf('/') + 1));
    }

    @Test
    void markerAndComponentClassesLoadFromThePluginJarAsJMeterComponents() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(home.pluginJar().toUri().toURL());
        for (Path jar : jars(home.dir().resolve("lib"))) {
            urls.add(jar.toUri().toURL());
        }
        for (Path jar : jars(home.dir().resolve("lib/ext"))) {
            if (!jar.equals(home.pluginJar())) {
                urls.add(jar.toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            List<String> names = new ArrayList<>();
            names.add(plugin.path("markerClass").asText());
            plugin.path("componentClasses").forEach(c -> names.add(c.asText()));
            for (String name : names) {
                Class<?> c = Class.forName(name, false, loader);
                assertEquals(loader.getURLs()[0], c.getProtectionDomain().getCodeSource().getLocation(), name + " comes from the plugin jar");
                assertTrue(isA(c, loader, TestElement.class) || isA(c, loader, JMeterGUIComponent.class) || isA(c, loader, Function.class),
                        name + " is not a JMeter component");
            }
        }
    }

    @Test
    void listsEveryRateGuardClassThatPlansName() throws IOException {
        Set<String> listed = new TreeSet<>();
        plugin.path("componentClasses").forEach(c -> listed.add(c.asText()));
        Set<String> named = new TreeSet<>();
        Pattern classAttr = Pattern.compile("(?:testclass|guiclass)=\"(io\\.rateguard\\.[\\w.]+)\"");
        for (Path plan : jars(JMeterHome.projectDir().resolve("test-plans"), ".jmx")) {
            Matcher m = classAttr.matcher(Files.readString(plan));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        assertFalse(named.isEmpty());
        named.removeAll(listed);
        assertEquals(Set.of(), named, "classes plans name but componentClasses does not list");
    }

    @Test
    void pullsInNoLibraryJMeterShipsAndNeedsNone() throws IOException {
        Set<String> jmeterLibs = new TreeSet<>();
        for (Path jar : jars(home.dir().resolve("lib"))) {
            jmeterLibs.add(jar.getFileName().toString().replaceFirst("-\\d[^-]*\\.jar$", "").replaceFirst("\\.jar$", ""));
        }
        assertTrue(jmeterLibs.contains("jackson-databind"), "JMeter's lib/ read: " + jmeterLibs);
        plugin.path("versions").forEach(v -> v.path("libs").fieldNames().forEachRemaining(lib -> {
            String name = lib.replaceFirst("[<>=!].*$", "");
            assertFalse(jmeterLibs.contains(name), "libs names " + lib + ", which JMeter ships in lib/");
        }));
        // libs is empty because everything else is shaded into the jar under io/rateguard/
        try (JarFile jar = new JarFile(home.pluginJar().toFile())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("io/rateguard/")
                            && !n.equals("org/apache/jmeter/protocol/http/sampler/RateGuardHttpImplBridge.class"))
                    .toList();
            assertEquals(List.of(), foreign, "classes outside io/rateguard/ would clash with other jars in lib/");
        }
    }

    private static boolean isA(Class<?> c, ClassLoader loader, Class<?> type) throws ClassNotFoundException {
        return Class.forName(type.getName(), false, loader).isAssignableFrom(c);
    }

    private static List<Path> jars(Path dir) throws IOException {
        return jars(dir, ".jar");
    }

    private static List<Path> jars(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
