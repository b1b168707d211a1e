package io.rateguard.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small test plans made only of stock JMeter 5.6.3 elements, written as JMeter saves them, so
 * the harness can be checked without any RateGuard element involved. The target port comes from
 * the {@code port} property ({@code -Jport=}), the host is 127.0.0.1.
 */
public final class StockPlans {

    private StockPlans() {
    }

    /** {@code threads} threads each sending {@code loops} GETs to {@code path}, labelled "hello". */
    public static Path httpLoop(Path file, int threads, int loops, String path) throws IOException {
        return write(file, threadGroup("Stock HTTP", threads, loops, httpSampler("hello", path, "")));
    }

    /**
     * One thread whose sampler waits {@code delayMillis} in a Constant Timer first: a test that
     * runs until it is stopped.
     */
    public static Path longTimer(Path file, long delayMillis, String path) throws IOException {
        String timer = """
                  <ConstantTimer guiclass="ConstantTimerGui" testclass="ConstantTimer" testname="Long wait" enabled="true">
                    <stringProp name="ConstantTimer.delay">%d</stringProp>
                  </ConstantTimer>
                  <hashTree/>
                """.formatted(delayMillis);
        return write(file, threadGroup("Long timer", 1, 1, httpSampler("after-wait", path, timer)));
    }

    private static Path write(Path file, String threadGroup) throws IOException {
        String plan = """
                <?xml version="1.0" encoding="UTF-8"?>
                <jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">
                  <hashTree>
                    <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="Harness smoke plan" enabled="true">
                      <boolProp name="TestPlan.functional_mode">false</boolProp>
                      <boolProp name="TestPlan.tearDown_on_shutdown">true</boolProp>
                      <boolProp name="TestPlan.serialize_threadgroups">false</boolProp>
                      <elementProp name="TestPlan.user_defined_variables" elementType="Arguments" guiclass="ArgumentsPanel" testclass="Arguments" testname="User Defined Variables" enabled="true">
                        <collectionProp name="Arguments.arguments"/>
                      </elementProp>
                    </TestPlan>
                    <hashTree>
                %s    </hashTree>
                  </hashTree>
                </jmeterTestPlan>
                """.formatted(threadGroup);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, plan, StandardCharsets.UTF_8);
    }

    private static String threadGroup(String name, int threads, int loops, String children) {
        return """
                      <ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="%s" enabled="true">
                        <stringProp name="ThreadGroup.on_sample_error">continue</stringProp>
                        <elementProp name="ThreadGroup.main_controller" elementType="LoopController" guiclass="LoopControlPanel" testclass="LoopController" testname="Loop Controller" enabled="true">
                          <boolProp name="LoopController.continue_forever">false</boolProp>
                          <stringProp name="LoopController.loops">%d</stringProp>
                        </elementProp>
                        <stringProp name="ThreadGroup.num_threads">%d</stringProp>
                        <stringProp name="ThreadGroup.ramp_time">0</stringProp>
                        <boolProp name="ThreadGroup.scheduler">false</boolProp>
                        <stringProp name="ThreadGroup.duration"></stringProp>
                        <stringProp name="ThreadGroup.delay"></stringProp>
                        <boolProp name="ThreadGroup.same_user_on_next_iteration">true</boolProp>
                      </ThreadGroup>
                      <hashTree>
                %s      </hashTree>
                """.formatted(name, loops, threads, children);
    }

    private static String httpSampler(String label, String path, String children) {
        String sampler = """
                  <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="%s" enabled="true">
                    <elementProp name="HTTPsampler.Arguments" elementType="Arguments" guiclass="HTTPArgumentsPanel" testclass="Arguments" testname="User Defined Variables" enabled="true">
                      <collectionProp name="Arguments.arguments"/>
                    </elementProp>
                    <stringProp name="HTTPSampler.domain">127.0.0.1</stringProp>
                    <stringProp name="HTTPSampler.port">${__P(port)}</stringProp>
                    <stringProp name="HTTPSampler.protocol">http</stringProp>
                    <stringProp name="HTTPSampler.path">%s</stringProp>
                    <stringProp name="HTTPSampler.method">GET</stringProp>
                    <boolProp name="HTTPSampler.follow_redirects">true</boolProp>
                    <boolProp name="HTTPSampler.auto_redirects">false</boolProp>
                    <boolProp name="HTTPSampler.use_keepalive">true</boolProp>
                    <boolProp name="HTTPSampler.DO_MULTIPART_POST">false</boolProp>
                    <stringProp name="HTTPSampler.connect_timeout">5000</stringProp>
                    <stringProp name="HTTPSampler.response_timeout">10000</stringProp>
                  </HTTPSamplerProxy>
                """.formatted(xml(label), xml(path));
        String childTree = children.isEmpty() ? "  <hashTree/>\n" : "  <hashTree>\n" + children.indent(2) + "  </hashTree>\n";
        // nested under the thread group's hashTree
        return (sampler + childTree).indent(6);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
