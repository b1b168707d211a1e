package io.rateguard.jmeter.functions;

import org.apache.jmeter.engine.util.CompoundVariable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GenesysDomainFunctionTest {

    private static String domainOf(String region) throws Exception {
        GenesysDomainFunction f = new GenesysDomainFunction();
        f.setParameters(List.of(new CompoundVariable(region)));
        return f.execute(null, null);
    }

    @Test
    void singaporeIsApse1() throws Exception {
        assertEquals("apse1.pure.cloud", domainOf("ap-southeast-1"));
    }

    @Test
    void anUnknownRegionGivesAHostThatSaysSoAndNeverResolves() throws Exception {
        assertEquals("unknown-genesys-region-mars.invalid", domainOf("mars"));
        assertEquals("unknown-genesys-region-a_b.invalid", domainOf("a/b"));
    }
}
