package io.rateguard.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one variant's .jmx from the shared template (benchmark-plan.jmx): the same token step,
 * thread group and flows calls for all, with only the pacing elements and the sampler type
 * changed. Values are written in literally (no -J indirection) so the saved plan shows exactly
 * what ran.
 */
public final class BenchPlan {

    static final String TEMPLATE = "benchmark-plan.jmx";
    static final String LIST_LABEL = "List flows";
    static final String GET_LABEL = "Get flow";
    static final String UPDATE_LABEL = "Update flow";
    /** Label of the token request in the setUp thread group: not a benchmark sample. */
    static final String TOKEN_LABEL = "POST /oauth/token";

    private BenchPlan() {
    }

    /**
     * @param limitPerSecond the server's limit L
     * @param threads        threads in the thread group
     * @param loops          calls per thread
     * @param shapingSeconds how long the Throughput Shaping Timer's profile lasts (it stops the
     *                       test at its end, so longer than any run)
     */
    public static Path write(Path file, Variant variant, double limitPerSecond, int threads, int loops,
                             int shapingSeconds) throws IOException {
        double rate = limitPerSecond * Math.max(1, variant.limitFactor());
        String plan = template()
                .replace("@VARIANT@", xml(variant.description()))
                .replace("@THREADS@", Integer.toString(threads))
                .replace("@LOOPS@", Integer.toString(loops))
                .replace("@BUCKET@", variant.rateGuard() ? bucket(rate) : "")
                .replace("@PACING@", pacing(variant, limitPerSecond, shapingSeconds))
                .replace("@LIST@", sampler(variant, LIST_LABEL, "GET", "/api/v2/flows?pageSize=25", "", true))
                .replace("@GET@", sampler(variant, GET_LABEL, "GET", "/api/v2/flows/${flowId}", "", false))
                .replace("@UPDATE@", sampler(variant, UPDATE_LABEL, "PUT", "/api/v2/flows/${flowId}",
                        "{&quot;name&quot;:&quot;Benchmark ${__threadNum}&quot;,&quot;type&quot;:&quot;inboundcall&quot;}", false));
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, plan, StandardCharsets.UTF_8);
    }

    private static String template() {
        try (InputStream in = BenchPlan.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("benchmark plan template " + TEMPLATE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rate as "limit per period" with a whole limit: per 1 s when whole, else per 10 s. */
    private static String bucket(double perSecond) {
        long period = perSecond == Math.rint(perSecond) ? 1 : 10;
        return """
                      <io.rateguard.jmeter.RateGuardBucket guiclass="TestBeanGUI" testclass="io.rateguard.jmeter.RateGuardBucket" testname="RateGuard Bucket">
                        <stringProp name="bucketName">default</stringProp>
                        <stringProp name="limit">%d</stringProp>
                        <stringProp name="period">%d</stringProp>
                        <stringProp name="burst">1</stringProp>
                        <stringProp name="initialTokens">1</stringProp>
                      </io.rateguard.jmeter.RateGuardBucket>
                      <hashTree/>
                """.formatted(Math.round(perSecond * period), period);
    }

    private static String pacing(Variant v, double perSecond, int shapingSeconds) {
        return switch (v) {
            case CONSTANT_THROUGHPUT -> """
                            <ConstantThroughputTimer guiclass="TestBeanGUI" testclass="ConstantThroughputTimer" testname="Constant Throughput Timer">
                              <intProp name="calcMode">3</intProp>
                              <doubleProp>
                                <name>throughput</name>
                                <value>%s</value>
                                <savedValue>0.0</savedValue>
                              </doubleProp>
                            </ConstantThroughputTimer>
                            <hashTree/>
                    """.formatted(number(perSecond * 60));
            case PRECISE_THROUGHPUT -> """
                            <PreciseThroughputTimer guiclass="TestBeanGUI" testclass="PreciseThroughputTimer" testname="Precise Throughput Timer">
                              <doubleProp>
                                <name>allowedThroughputSurplus</name>
                                <value>1.0</value>
                                <savedValue>0.0</savedValue>
                              </doubleProp>
                              <intProp name="exactLimit">10000</intProp>
                              <doubleProp>
                                <name>throughput</name>
                                <value>%s</value>
                                <savedValue>0.0</savedValue>
                              </doubleProp>
                              <intProp name="throughputPeriod">1</intProp>
                              <longProp name="duration">%d</longProp>
                              <intProp name="batchSize">1</intProp>
                              <intProp name="batchThreadDelay">0</intProp>
                              <longProp name="randomSeed">0</longProp>
                            </PreciseThroughputTimer>
                            <hashTree/>
                    """.formatted(number(perSecond), shapingSeconds);
            case THROUGHPUT_SHAPING -> """
                            <kg.apc.jmeter.timers.VariableThroughputTimer guiclass="kg.apc.jmeter.timers.VariableThroughputTimerGui" testclass="kg.apc.jmeter.timers.VariableThroughputTimer" testname="Throughput Shaping Timer">
                              <collectionProp name="load_profile">
                                <collectionProp name="steady">
                                  <stringProp name="start">%s</stringProp>
                                  <stringProp name="end">%s</stringProp>
                                  <stringProp name="duration">%d</stringProp>
                                </collectionProp>
                              </collectionProp>
                            </kg.apc.jmeter.timers.VariableThroughputTimer>
                            <hashTree/>
                    """.formatted(number(perSecond), number(perSecond), shapingSeconds);
            case RATEGUARD, RATEGUARD_2X -> """
                            <io.rateguard.jmeter.RateGuardTimer guiclass="TestBeanGUI" testclass="io.rateguard.jmeter.RateGuardTimer" testname="RateGuard Timer">
                              <stringProp name="bucketName">default</stringProp>
                            </io.rateguard.jmeter.RateGuardTimer>
                            <hashTree/>
                    """;
            case SDK_RETRY -> "";
        };
    }

    private static String sampler(Variant v, String label, String method, String path, String body, boolean extractsId) {
        StringBuilder x = new StringBuilder();
        String element = v.rateGuard() ? "io.rateguard.jmeter.RateGuardHttpSampler" : "HTTPSamplerProxy";
        String gui = v.rateGuard() ? "io.rateguard.jmeter.gui.RateGuardHttpSamplerGui" : "HttpTestSampleGui";
        x.append("          <").append(element).append(" guiclass=\"").append(gui).append("\" testclass=\"")
                .append(element).append("\" testname=\"").append(xml(label)).append("\">\n");
        if (body.isEmpty()) {
            x.append("""
                                <elementProp name="HTTPsampler.Arguments" elementType="Arguments" guiclass="HTTPArgumentsPanel" testclass="Arguments" testname="User Defined Variables">
                                  <collectionProp name="Arguments.arguments"/>
                                </elementProp>
                                <boolProp name="HTTPSampler.postBodyRaw">false</boolProp>
                    """);
        } else {
            x.append("""
                                <elementProp name="HTTPsampler.Arguments" elementType="Arguments">
                                  <collectionProp name="Arguments.arguments">
                                    <elementProp name="" elementType="HTTPArgument">
                                      <boolProp name="HTTPArgument.always_encode">false</boolProp>
                                      <stringProp name="Argument.value">%s</stringProp>
                                      <stringProp name="Argument.metadata">=</stringProp>
                                    </elementProp>
                                  </collectionProp>
                                </elementProp>
                                <boolProp name="HTTPSampler.postBodyRaw">true</boolProp>
                    """.formatted(body));
        }
        x.append("""
                            <stringProp name="HTTPSampler.path">%s</stringProp>
                            <stringProp name="HTTPSampler.method">%s</stringProp>
                            <boolProp name="HTTPSampler.follow_redirects">true</boolProp>
                            <boolProp name="HTTPSampler.use_keepalive">true</boolProp>
                """.formatted(xml(path), method));
        if (v.rateGuard()) {
            // the sampler's documented defaults, which match the SDK's: 5 retries, 3 s without Retry-After, 180 s max
            x.append("""
                                <stringProp name="RateGuard.bucket">default</stringProp>
                                <stringProp name="RateGuard.maxRetries">5</stringProp>
                                <stringProp name="RateGuard.maxTotalWait">300</stringProp>
                                <stringProp name="RateGuard.defaultWait">3</stringProp>
                                <stringProp name="RateGuard.maxWait">180</stringProp>
                                <stringProp name="RateGuard.retryOn503">false</stringProp>
                    """);
        }
        x.append("          </").append(element).append(">\n");
        StringBuilder children = new StringBuilder();
        if (v == Variant.SDK_RETRY) {
            children.append(SdkRetryScript.postProcessorXml());
        }
        if (extractsId) {
            children.append("""
                                <JSONPostProcessor guiclass="JSONPostProcessorGui" testclass="JSONPostProcessor" testname="Pick a random flowId">
                                  <stringProp name="JSONPostProcessor.referenceNames">flowId</stringProp>
                                  <stringProp name="JSONPostProcessor.jsonPathExprs">$.entities[*].id</stringProp>
                                  <stringProp name="JSONPostProcessor.match_numbers">0</stringProp>
                                  <stringProp name="JSONPostProcessor.defaultValues">FLOWID_NOT_FOUND</stringProp>
                                </JSONPostProcessor>
                                <hashTree/>
                    """);
        }
        x.append(children.isEmpty() ? "          <hashTree/>\n" : "          <hashTree>\n" + children + "          </hashTree>\n");
        return x.toString();
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
