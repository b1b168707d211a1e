package io.rateguard.convert;

import org.apache.jmeter.save.SaveService;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.collections.HashTree;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code convert in.jmx out.jmx}: loads a plan with JMeter's SaveService, converts it and saves it
 * as JMeter would. Runs inside a class loader holding JMeter's jars (see {@link io.rateguard.cli.Main}).
 */
public final class ConvertCommand {

    private ConvertCommand() {
    }

    /** Converts one plan; {@code jmeterHome} supplies JMeter's properties and save-service aliases. */
    public static PlanConverter.Result run(Path jmeterHome, ConvertOptions options) throws IOException {
        initJMeter(jmeterHome);
        if (!Files.isRegularFile(options.in())) {
            throw new IllegalArgumentException("no plan at " + options.in());
        }
        HashTree plan;
        try {
            plan = SaveService.loadTree(options.in().toFile());
        } catch (IOException | RuntimeException e) {
            // XStream's errors are long and technical: say what the file is not
            throw new IllegalArgumentException(options.in() + " is not a JMeter plan JMeter can load ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (plan == null) {
            throw new IllegalArgumentException(options.in() + " is not a JMeter plan JMeter can load (see jmeter.log)");
        }
        if (Files.exists(options.out()) && Files.isSameFile(options.in(), options.out())) {
            throw new IllegalArgumentException("the converted plan would overwrite " + options.in() + ": write it to another file");
        }
        PlanConverter.Result result = new PlanConverter(options).convert(plan);
        Path parent = options.out().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(options.out())) {
            SaveService.saveTree(plan, out);
        } catch (IOException e) {
            throw new IOException("cannot write the converted plan to " + options.out() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return result;
    }

    private static synchronized void initJMeter(Path home) {
        if (JMeterUtils.getJMeterHome() != null && JMeterUtils.getJMeterProperties() != null) {
            return;
        }
        Path props = home.resolve("bin/jmeter.properties");
        if (!Files.isRegularFile(props)) {
            throw new IllegalArgumentException("no JMeter home at " + home + " (missing bin/jmeter.properties);"
                    + " give it with -Djmeter.home=DIR or JMETER_HOME");
        }
        JMeterUtils.setJMeterHome(home.toString());
        JMeterUtils.loadJMeterProperties(props.toString());
        JMeterUtils.initLocale();
    }

    /** Entry point inside JMeter's class path: {@code args} are those after {@code convert}. */
    public static void main(Path jmeterHome, List<String> args) throws IOException {
        ConvertOptions options = ConvertOptions.parse(args);
        PlanConverter.Result r = run(jmeterHome, options);
        System.out.println("RateGuard convert: " + options.in() + " -> " + options.out());
        System.out.println("  HTTP Requests converted: " + r.convertedSamplers().size()
                + (r.convertedSamplers().isEmpty() ? "" : " (" + String.join(", ", r.convertedSamplers()) + ")"));
        System.out.println("  RateGuard Bucket '" + options.bucket() + "': "
                + (r.bucketAdded() ? "added, " + options.limit() + " requests per " + options.period() + " s" : "already in the plan, kept"));
        System.out.println("  RateGuard Timer at Test Plan level: " + (r.timerAdded() ? "added" : "already in the plan, kept"));
    }
}
