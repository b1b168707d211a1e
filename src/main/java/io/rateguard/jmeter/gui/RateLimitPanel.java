package io.rateguard.jmeter.gui;

import io.rateguard.jmeter.RateGuardHttpSampler;
import org.apache.jmeter.testelement.TestElement;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Rate limiting" tab of the RateGuard HTTP Request: which bucket it sends through and how it
 * retries rate-limited answers. Fields are text so they accept ${var} and ${__P(name,default)}.
 */
final class RateLimitPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final Map<String, JTextField> fields = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final List<JLabel> labels = new ArrayList<>();
    private final JCheckBox retryOn503 = new JCheckBox("Treat 503 Service Unavailable as rate limiting");

    RateLimitPanel() {
        super(new BorderLayout());
        JPanel budget = group("Shared budget");
        add(budget, 0, RateGuardHttpSampler.BUCKET, "Bucket name:", "default",
                "The RateGuard Bucket this request sends through (its 'Bucket name' field). A RateGuard Timer on the"
                        + " same bucket hands its token over, so the request never takes two.");
        JPanel retries = group("On 429 Too Many Requests: pause the whole bucket, then retry");
        int row = 0;
        row = add(retries, row, RateGuardHttpSampler.MAX_RETRIES, "Max retries:", "5",
                "How many times a rate-limited request (429) is sent again before the sample fails. 0 never retries.");
        row = add(retries, row, RateGuardHttpSampler.MAX_TOTAL_WAIT, "Max total wait (s):", "300",
                "Most seconds one sample may spend waiting to retry; a longer Retry-After fails the sample at once.");
        row = add(retries, row, RateGuardHttpSampler.DEFAULT_WAIT, "Default wait (s):", "3",
                "Seconds to pause when a 429 carries neither Retry-After nor a Genesys 'Retry the request in [N] seconds' hint.");
        row = add(retries, row, RateGuardHttpSampler.MAX_WAIT, "Max wait per answer (s):", "180",
                "Cap in seconds on any one server-requested wait; a larger Retry-After is clamped to this.");
        retryOn503.setToolTipText("Some gateways shed load with 503 + Retry-After; leave off when 503 means an outage.");
        GridBagConstraints c = constraints(0, row);
        c.gridwidth = 2;
        retries.add(retryOn503, c);

        JPanel stack = new JPanel();
        stack.setLayout(new BoxLayout(stack, BoxLayout.Y_AXIS));
        stack.add(budget);
        stack.add(retries);
        JLabel help = new JLabel("<html>On a 429 the whole bucket pauses for the server's wait (Retry-After in seconds or as a date,"
                + " or the Genesys body's hint), so every thread holds; then this request retries.<br>"
                + "Fields accept ${var} and ${__P(name,default)}. Per-sample figures: rateguard_throttle_ms,"
                + " rateguard_pause_ms, rateguard_retries (list them in sample_variables).</html>");
        help.setBorder(BorderFactory.createEmptyBorder(6, 6, 0, 6));
        help.setAlignmentX(LEFT_ALIGNMENT);
        budget.setAlignmentX(LEFT_ALIGNMENT);
        retries.setAlignmentX(LEFT_ALIGNMENT);
        stack.add(help);
        add(stack, BorderLayout.NORTH);
        // one label column across both groups
        int width = labels.stream().mapToInt(l -> l.getPreferredSize().width).max().orElse(0);
        labels.forEach(l -> l.setPreferredSize(new Dimension(width, l.getPreferredSize().height)));
    }

    private static JPanel group(String title) {
        JPanel grid = new JPanel(new GridBagLayout());
        grid.setBorder(BorderFactory.createTitledBorder(title));
        return grid;
    }

    private int add(JPanel grid, int row, String property, String label, String defaultValue, String tip) {
        JLabel l = new JLabel(label);
        labels.add(l);
        JTextField f = new JTextField(defaultValue, 20);
        l.setToolTipText(tip);
        f.setToolTipText(tip);
        l.setLabelFor(f);
        grid.add(l, constraints(0, row));
        GridBagConstraints c = constraints(1, row);
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        grid.add(f, c);
        fields.put(property, f);
        defaults.put(property, defaultValue);
        return row + 1;
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 4, 2, 4);
        return c;
    }

    void configure(TestElement element) {
        fields.forEach((property, field) ->
                field.setText(element.getPropertyAsString(property, defaults.get(property))));
        retryOn503.setSelected(Boolean.parseBoolean(element.getPropertyAsString(RateGuardHttpSampler.RETRY_ON_503, "false")));
    }

    void modify(TestElement element) {
        fields.forEach((property, field) -> element.setProperty(property, field.getText()));
        element.setProperty(RateGuardHttpSampler.RETRY_ON_503, Boolean.toString(retryOn503.isSelected()));
    }

    void clear() {
        fields.forEach((property, field) -> field.setText(defaults.get(property)));
        retryOn503.setSelected(false);
    }
}
