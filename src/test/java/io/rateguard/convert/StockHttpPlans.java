package io.rateguard.convert;

import org.apache.jmeter.control.gui.LogicControllerGui;
import org.apache.jmeter.control.gui.TestPlanGui;
import org.apache.jmeter.extractor.json.jsonpath.gui.JSONPostProcessorGui;
import org.apache.jmeter.extractor.json.jsonpath.JSONPostProcessor;
import org.apache.jmeter.gui.JMeterGUIComponent;
import org.apache.jmeter.protocol.http.config.gui.HttpDefaultsGui;
import org.apache.jmeter.protocol.http.control.Header;
import org.apache.jmeter.protocol.http.control.HeaderManager;
import org.apache.jmeter.protocol.http.control.gui.HttpTestSampleGui;
import org.apache.jmeter.protocol.http.gui.HeaderPanel;
import org.apache.jmeter.protocol.http.sampler.HTTPSamplerBase;
import org.apache.jmeter.protocol.http.util.HTTPFileArg;
import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.threads.ThreadGroup;
import org.apache.jmeter.threads.gui.ThreadGroupGui;
import org.apache.jmeter.control.LoopController;
import org.apache.jorphan.collections.HashTree;
import org.apache.jorphan.collections.ListedHashTree;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Plans made only of stock JMeter 5.6.3 elements, built as a user builds them: each element comes
 * from its own GUI (createTestElement), is given its settings, then goes through the GUI's
 * configure/modify as when the user leaves the node, and the plan is saved by SaveService.
 */
public final class StockHttpPlans {

    private StockHttpPlans() {
    }

    /**
     * One thread group using assorted HTTP Request features: raw JSON body with a Header Manager,
     * file upload (multipart), a page with embedded resources and redirects handled by the
     * client, timeouts, implementation choice (HttpClient4 / Java), a sampler inside a Simple
     * Controller, a disabled one, and HTTP Request Defaults (which must stay as they are).
     */
    public static Path assortedFeatures(Path file, Path uploadFile) throws IOException {
        HashTree plan = new ListedHashTree();
        HashTree top = plan.add(testPlan("Stock 5.6.3 plan: assorted HTTP features"));
        top.add(gui(new HttpDefaultsGui(), e -> {
            e.setName("HTTP Request Defaults");
            e.setProperty(HTTPSamplerBase.DOMAIN, "127.0.0.1");
            e.setProperty(HTTPSamplerBase.PROTOCOL, "http");
            e.setProperty(HTTPSamplerBase.CONNECT_TIMEOUT, "3000");
        }));
        HashTree users = top.add(threadGroup("Users", 2, 3));

        HashTree json = users.add(http("POST JSON", s -> {
            s.setMethod("POST");
            s.setPath("/api/v2/flows");
            s.setPostBodyRaw(true);
            s.addNonEncodedArgument("", "{\"name\":\"flow ${__threadNum}\",\"type\":\"inboundcall\"}", "");
            s.setContentEncoding("UTF-8");
            s.setImplementation("HttpClient4");
            s.setConnectTimeout("2500");
            s.setResponseTimeout("15000");
            s.setFollowRedirects(true);
            s.setUseKeepAlive(true);
        }));
        json.add(headers("JSON headers", new Header("Content-Type", "application/json"), new Header("X-Trace", "${__UUID()}")));

        users.add(http("Upload a file", s -> {
            s.setMethod("POST");
            s.setPath("/upload");
            s.setDoMultipart(true);
            s.setDoBrowserCompatibleMultipart(true);
            s.addArgument("description", "quarterly report");
            s.setHTTPFiles(new HTTPFileArg[] {new HTTPFileArg(uploadFile.toString(), "file", "text/plain")});
            s.setImplementation("Java");
        }));

        users.add(http("Page with resources", s -> {
            s.setMethod("GET");
            s.setPath("/index.html");
            s.addArgument("lang", "en");
            s.addArgument("q", "a b&c");
            s.setFollowRedirects(false);
            s.setAutoRedirects(true);
            s.setImageParser(true);
            s.setConcurrentDwn(true);
            s.setConcurrentPool("4");
            s.setEmbeddedUrlRE("http://127\\.0\\.0\\.1/.*");
            s.setEmbeddedUrlExcludeRE(".*\\.woff2");
            s.setMD5(true);
            s.setIpSource("127.0.0.1");
            s.setIpSourceType(0);
            s.setProperty(HTTPSamplerBase.PROXYHOST, "proxy.example.test");
            s.setProperty(HTTPSamplerBase.PROXYPORT, "3128");
        }));

        HashTree group = users.add(gui(new LogicControllerGui(), e -> e.setName("Checkout")));
        group.add(http("PUT with query", s -> {
            s.setMethod("PUT");
            s.setDomain("127.0.0.1");
            s.setPort(8443);
            s.setProtocol("https");
            s.setPath("/api/v2/orders/${orderId}?force=true");
            s.setPostBodyRaw(true);
            s.addNonEncodedArgument("", "<order id=\"${orderId}\"/>", "");
        }));
        group.add(http("Disabled DELETE", s -> {
            s.setMethod("DELETE");
            s.setPath("/api/v2/orders/${orderId}");
            s.setEnabled(false);
        }));
        return save(plan, file);
    }

    /**
     * A plan against the local Genesys-like server: each thread takes a client-credentials token,
     * then lists flows {@code loops} times with it. Target from -Jport.
     */
    public static Path genesysFlows(Path file, int threads, int loops, String clientId, String clientSecret) throws IOException {
        HashTree plan = new ListedHashTree();
        HashTree top = plan.add(testPlan("Stock 5.6.3 plan: list flows"));
        top.add(gui(new HttpDefaultsGui(), e -> {
            e.setName("HTTP Request Defaults");
            e.setProperty(HTTPSamplerBase.DOMAIN, "127.0.0.1");
            e.setProperty(HTTPSamplerBase.PORT, "${__P(port)}");
            e.setProperty(HTTPSamplerBase.PROTOCOL, "http");
        }));
        HashTree users = top.add(threadGroup("Flow readers", threads, 1));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HashTree token = users.add(http("POST /oauth/token", s -> {
            s.setMethod("POST");
            s.setPath("/oauth/token");
            s.addArgument("grant_type", "client_credentials");
        }));
        token.add(headers("Basic auth", new Header("Authorization", "Basic " + basic)));
        token.add(gui(new JSONPostProcessorGui(), e -> {
            JSONPostProcessor p = (JSONPostProcessor) e;
            p.setName("access_token");
            p.setRefNames("token");
            p.setJsonPathExpressions("$.access_token");
            p.setDefaultValues("NO_TOKEN");
            p.setMatchNumbers("1");
        }));
        HashTree loop = users.add(gui(new org.apache.jmeter.control.gui.LoopControlPanel(), e -> {
            LoopController c = (LoopController) e;
            c.setName("List " + loops + " times");
            c.setLoops(loops);
        }));
        HashTree list = loop.add(http("GET /api/v2/flows", s -> {
            s.setMethod("GET");
            s.setPath("/api/v2/flows");
            s.addArgument("pageSize", "5");
        }));
        list.add(headers("Bearer", new Header("Authorization", "Bearer ${token}")));
        return save(plan, file);
    }

    private static TestElement testPlan(String name) {
        return gui(new TestPlanGui(), e -> e.setName(name));
    }

    private static TestElement threadGroup(String name, int threads, int loops) {
        return gui(new ThreadGroupGui(), e -> {
            ThreadGroup tg = (ThreadGroup) e;
            tg.setName(name);
            tg.setNumThreads(threads);
            tg.setRampUp(0);
            ((LoopController) tg.getSamplerController()).setLoops(loops);
        });
    }

    private static TestElement http(String name, Consumer<HTTPSamplerBase> settings) {
        return gui(new HttpTestSampleGui(), e -> {
            e.setName(name);
            settings.accept((HTTPSamplerBase) e);
        });
    }

    private static TestElement headers(String name, Header... headers) {
        return gui(new HeaderPanel(), e -> {
            HeaderManager m = (HeaderManager) e;
            m.setName(name);
            for (Header h : headers) {
                m.add(h);
            }
        });
    }

    /** As in the GUI: a new element, the user's settings, then the node is left (configure + modify). */
    private static TestElement gui(JMeterGUIComponent gui, Consumer<TestElement> settings) {
        TestElement e = gui.createTestElement();
        settings.accept(e);
        boolean enabled = e.isEnabled();
        gui.configure(e);
        gui.modifyTestElement(e);
        e.setEnabled(enabled);
        return e;
    }

    private static Path save(HashTree plan, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            SaveService.saveTree(plan, out);
        }
        return file;
    }

}
