package io.rateguard.bench;

import io.rateguard.harness.JMeterHome;
import io.rateguard.plans.PlanFiles;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.SearchByClass;
import org.apache.jmeter.testelement.TestElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every generated benchmark plan loads in JMeter 5.6.3 with the element each variant stands for.
 * The Throughput Shaping Timer's classes are not on the test class path (they live only in the
 * benchmark's JMeter home), so that plan is checked as text.
 */
class BenchPlanIT {

    @BeforeAll
    static void jmeter() {
        System.setProperty("java.awt.headless", "true");
        PlanFiles.initJMeter(JMeterHome.locate().dir());
    }

    private static Path plan(Variant v) throws Exception {
        Path dir = JMeterHome.projectDir().resolve("target/it/bench-plans");
        return BenchPlan.write(dir.resolve(v.id() + ".jmx"), v, 20, 10, 3, 60);
    }

    private static List<String> classes(HashTree tree) {
        SearchByClass<TestElement> all = new SearchByClass<>(TestElement.class);
        tree.traverse(all);
        List<String> names = new ArrayList<>();
        for (TestElement e : all.getSearchResults()) {
            names.add(e.getClass().getSimpleName() + ":" + e.getName());
        }
        return names;
    }

    @Test
    void eachVariantsPlanLoadsWithItsOwnPacing() throws Exception {
        assertTrue(classes(PlanFiles.load(plan(Variant.CONSTANT_THROUGHPUT))).contains("ConstantThroughputTimer:Constant Throughput Timer"));
        assertTrue(classes(PlanFiles.load(plan(Variant.PRECISE_THROUGHPUT))).contains("PreciseThroughputTimer:Precise Throughput Timer"));
        List<String> sdk = classes(PlanFiles.load(plan(Variant.SDK_RETRY)));
        assertTrue(sdk.contains("JSR223PostProcessor:Retry like the Genesys Java SDK"), sdk.toString());
        assertTrue(sdk.stream().noneMatch(c -> c.contains("Timer")), "the SDK baseline is not paced: " + sdk);
        List<String> rg = classes(PlanFiles.load(plan(Variant.RATEGUARD_2X)));
        assertTrue(rg.contains("RateGuardTimer:RateGuard Timer"));
        assertEquals(3, rg.stream().filter(c -> c.startsWith("RateGuardHttpSampler:")).count(), rg.toString());
        assertTrue(Files.readString(plan(Variant.RATEGUARD_2X)).contains("<stringProp name=\"limit\">40</stringProp>"),
                "the bucket at twice L = 20/s");
        String tst = Files.readString(plan(Variant.THROUGHPUT_SHAPING));
        assertTrue(tst.contains("testclass=\"kg.apc.jmeter.timers.VariableThroughputTimer\""));
    }
}
