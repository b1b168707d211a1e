package io.rateguard.jmeter.gui;

import io.rateguard.jmeter.RateGuardHttpSampler;
import org.apache.jmeter.protocol.http.control.gui.HttpTestSampleGui;
import org.apache.jmeter.testelement.TestElement;

import javax.swing.JTabbedPane;

/**
 * JMeter's own HTTP Request GUI with one more tab, "Rate limiting". Everything else (Basic and
 * Advanced tabs) is JMeter's, so users find every field where they expect it.
 */
public class RateGuardHttpSamplerGui extends HttpTestSampleGui {

    private static final long serialVersionUID = 1L;

    // set from createTabbedConfigPane(), which the super constructor calls: no initialiser here,
    // or it would be reset to null after the super constructor ran
    private RateLimitPanel rateLimitPanel;

    @Override
    protected JTabbedPane createTabbedConfigPane() {
        JTabbedPane tabs = super.createTabbedConfigPane();
        tabs.add("Rate limiting", panel());
        return tabs;
    }

    private RateLimitPanel panel() {
        if (rateLimitPanel == null) {
            rateLimitPanel = new RateLimitPanel();
        }
        return rateLimitPanel;
    }

    @Override
    public String getStaticLabel() {
        return "RateGuard HTTP Request";
    }

    @Override
    public String getLabelResource() {
        return getClass().getSimpleName();
    }

    @Override
    public TestElement makeTestElement() {
        return new RateGuardHttpSampler();
    }

    @Override
    public void configure(TestElement element) {
        super.configure(element);
        panel().configure(element);
    }

    @Override
    public void modifyTestElement(TestElement sampler) {
        super.modifyTestElement(sampler);
        panel().modify(sampler);
    }

    @Override
    public void clearGui() {
        super.clearGui();
        panel().clear();
    }
}
