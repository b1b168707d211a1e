package io.rateguard.plans;

import io.rateguard.jmeter.RateGuardBucket;
import io.rateguard.jmeter.RateGuardHttpSampler;
import io.rateguard.jmeter.RateGuardBucketBeanInfo;
import io.rateguard.jmeter.RateGuardTimer;
import io.rateguard.jmeter.RateGuardTimerBeanInfo;
import io.rateguard.jmeter.gui.RateGuardHttpSamplerGui;
import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.gui.GenericTestBeanCustomizer;
import org.apache.jmeter.testbeans.gui.TestBeanGUI;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.testelement.property.JMeterProperty;
import org.apache.jmeter.testelement.property.PropertyIterator;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every plan in test-plans/, loaded and saved by JMeter's SaveService, is byte for byte the same;
 * and each RateGuard element, shown in its GUI and saved back, keeps every property.
 * test-plans/every-element.jmx holds one of each element with every field away from its default.
 */
class PlanRoundTripIT {

    private static Path projectDir;

    @BeforeAll
    static void jmeter() {
        projectDir = Path.of(System.getProperty("rateguard.project.dir", System.getProperty("user.dir")));
        Path home = Path.of(System.getProperty("rateguard.jmeter.home", projectDir.resolve("target/jmeter").toString()));
        System.setProperty("java.awt.headless", "true");
        PlanFiles.initJMeter(home);
    }

    private static List<Path> plans() throws IOException {
        try (Stream<Path> files = Files.list(projectDir.resolve("test-plans"))) {
            return files.filter(p -> p.toString().endsWith(".jmx")).sorted().toList();
        }
    }

    @Test
    void everyPlanIsInJMetersSavedForm() throws IOException {
        List<Path> plans = plans();
        assertFalse(plans.isEmpty());
        for (Path plan : plans) {
            assertEquals(Files.readString(plan), PlanFiles.roundTrip(plan),
                    plan + " changes when JMeter saves it: rewrite it with PlanFiles.main");
        }
    }

    @Test
    void rateGuardElementsKeepEveryPropertyThroughTheirGui() throws IOException {
        int checked = 0;
        for (Path plan : plans()) {
            HashTree tree = PlanFiles.load(plan);
            for (TestElement element : find(tree, RateGuardHttpSampler.class)) {
                assertGuiRoundTrip(new RateGuardHttpSamplerGui(), element);
                checked++;
            }
            for (TestElement element : find(tree, RateGuardBucket.class)) {
                assertGuiRoundTrip(new TestBeanGUI(RateGuardBucket.class), element);
                checked++;
            }
            for (TestElement element : find(tree, RateGuardTimer.class)) {
                assertGuiRoundTrip(new TestBeanGUI(RateGuardTimer.class), element);
                checked++;
            }
        }
        assertTrue(checked >= 3, "found RateGuard elements: " + checked);
    }

    /** The round trips above mean something only if each field holds a value its default would not restore. */
    @Test
    void onePlanHoldsEveryElementWithEveryFieldAwayFromItsDefault() throws Exception {
        HashTree tree = PlanFiles.load(projectDir.resolve("test-plans/every-element.jmx"));
        assertTestBeanFieldsNotDefault(find(tree, RateGuardBucket.class), new RateGuardBucketBeanInfo());
        assertTestBeanFieldsNotDefault(find(tree, RateGuardTimer.class), new RateGuardTimerBeanInfo());
        List<TestElement> samplers = find(tree, RateGuardHttpSampler.class);
        assertEquals(1, samplers.size());
        RateGuardHttpSampler defaults = new RateGuardHttpSampler();
        RateGuardHttpSampler s = (RateGuardHttpSampler) samplers.get(0);
        Map<String, String> expectedDefaults = Map.of(
                RateGuardHttpSampler.BUCKET, defaults.getBucketName(),
                RateGuardHttpSampler.MAX_RETRIES, defaults.getMaxRetries(),
                RateGuardHttpSampler.MAX_TOTAL_WAIT, defaults.getMaxTotalWait(),
                RateGuardHttpSampler.DEFAULT_WAIT, defaults.getDefaultWait(),
                RateGuardHttpSampler.MAX_WAIT, defaults.getMaxWait(),
                RateGuardHttpSampler.RETRY_ON_503, defaults.getRetryOn503());
        expectedDefaults.forEach((property, byDefault) -> {
            String value = s.getPropertyAsString(property);
            assertFalse(value.isEmpty(), property + " is not set");
            assertNotEquals(byDefault, value, property + " holds its default");
        });
    }

    private static void assertTestBeanFieldsNotDefault(List<TestElement> elements, BeanInfoSupport info) {
        assertEquals(1, elements.size(), info.getBeanDescriptor().getDisplayName());
        TestElement e = elements.get(0);
        int checked = 0;
        for (PropertyDescriptor p : info.getPropertyDescriptors()) {
            if (p.isHidden() || p.getWriteMethod() == null
                    || p.getWriteMethod().getDeclaringClass() != info.getBeanDescriptor().getBeanClass()) {
                continue; // inherited plumbing (e.g. ConfigTestElement's), not a field of the element's GUI
            }
            String value = e.getPropertyAsString(p.getName());
            assertFalse(value.isEmpty(), e.getName() + ": " + p.getName() + " is not set");
            assertNotEquals(String.valueOf(p.getValue(GenericTestBeanCustomizer.DEFAULT)), value,
                    e.getName() + ": " + p.getName() + " holds its default");
            checked++;
        }
        assertTrue(checked > 0, "no fields found for " + e.getName());
    }

    private static <T> List<TestElement> find(HashTree tree, Class<T> type) {
        SearchByClass<T> search = new SearchByClass<>(type);
        tree.traverse(search);
        List<TestElement> found = new ArrayList<>();
        search.getSearchResults().forEach(e -> found.add((TestElement) e));
        return found;
    }

    private static void assertGuiRoundTrip(JMeterGUIComponent gui, TestElement element) {
        // what JMeter does when a node is shown and then left: configure, then modify the same element
        TestElement saved = (TestElement) element.clone();
        gui.configure(saved);
        gui.modifyTestElement(saved);
        assertEquals(properties(element), properties(saved), element.getName() + " changes when saved from its GUI");
    }

    /** Properties with a value, as the GUI leaves unset ones out. */
    private static Map<String, String> properties(TestElement e) {
        Map<String, String> all = new TreeMap<>();
        for (PropertyIterator it = e.propertyIterator(); it.hasNext(); ) {
            JMeterProperty p = it.next();
            String v = p.getStringValue();
            if (v != null && !v.isEmpty() && !p.getName().equals(TestElement.ENABLED)) {
                all.put(p.getName(), v);
            }
        }
        return all;
    }
}
