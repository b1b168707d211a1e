package io.rateguard.jmeter.functions;

import io.rateguard.genesys.GenesysRegion;
import org.apache.jmeter.engine.util.CompoundVariable;
import org.apache.jmeter.functions.AbstractFunction;
import org.apache.jmeter.functions.InvalidVariableException;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.samplers.Sampler;
import org.apache.jmeter.util.JMeterUtils;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ${__genesysDomain(ap-southeast-1)}} gives {@code apse1.pure.cloud}, so a plan builds
 * {@code api.} and {@code login.} hosts from a region name. (JMeter finds functions in packages
 * whose name contains ".functions.".)
 */
public class GenesysDomainFunction extends AbstractFunction {

    private static final String KEY = "__genesysDomain";
    private static final List<String> DESCRIPTION = List.of("Genesys Cloud region, e.g. ap-southeast-1");

    private CompoundVariable region;

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /**
     * An unknown region is reported once on the console (JMeter drops a function's exception and
     * would leave "api." as the host) and gives a domain that names the problem wherever it shows
     * up: {@code unknown-genesys-region-<name>.invalid} never resolves (RFC 6761).
     */
    @Override
    public String execute(SampleResult previousResult, Sampler currentSampler) {
        String name = region.execute().trim();
        return GenesysRegion.byId(name).map(GenesysRegion::domain).orElseGet(() -> {
            if (REPORTED.add(name)) {
                JMeterUtils.reportErrorToUser(KEY + ": unknown Genesys Cloud region '" + name + "'; known: "
                        + GenesysRegion.knownIds(), "RateGuard");
            }
            return "unknown-genesys-region-" + name.replaceAll("[^A-Za-z0-9-]", "_") + ".invalid";
        });
    }

    @Override
    public void setParameters(Collection<CompoundVariable> parameters) throws InvalidVariableException {
        checkParameterCount(parameters, 1);
        region = parameters.iterator().next();
    }

    @Override
    public String getReferenceKey() {
        return KEY;
    }

    @Override
    public List<String> getArgumentDesc() {
        return DESCRIPTION;
    }
}
