package io.rateguard.plans;

import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads and saves plans with JMeter's own SaveService, as the GUI does on open and save.
 * {@code main} rewrites the given plans in JMeter's saved form (run it after editing a plan by hand).
 */
public final class PlanFiles {

    private static boolean initialised;

    private PlanFiles() {
    }

    public static synchronized void initJMeter(Path home) {
        if (initialised) {
            return;
        }
        JMeterUtils.setJMeterHome(home.toString());
        JMeterUtils.loadJMeterProperties(home.resolve("bin/jmeter.properties").toString());
        JMeterUtils.initLocale();
        initialised = true;
    }

    public static HashTree load(Path plan) throws IOException {
        return SaveService.loadTree(plan.toFile());
    }

    public static String save(HashTree tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SaveService.saveTree(tree, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String roundTrip(Path plan) throws IOException {
        return save(load(plan));
    }

    public static void main(String[] args) throws IOException {
        initJMeter(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            Path plan = Path.of(args[i]);
            Files.writeString(plan, roundTrip(plan));
            System.out.println("saved in JMeter's form: " + plan);
        }
    }
}
