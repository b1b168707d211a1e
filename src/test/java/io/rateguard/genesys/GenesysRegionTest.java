package io.rateguard.genesys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GenesysRegionTest {

    /** The region table of ../shared/docs/genesys-rate-limits.md. */
    @ParameterizedTest
    @CsvSource({
            "ap-southeast-1, apse1.pure.cloud",
            "us-east-1, mypurecloud.com",
            "us-east-2, use2.us-gov-pure.cloud",
            "us-west-2, usw2.pure.cloud",
            "ca-central-1, cac1.pure.cloud",
            "sa-east-1, sae1.pure.cloud",
            "eu-west-1, mypurecloud.ie",
            "eu-west-2, euw2.pure.cloud",
            "eu-central-1, mypurecloud.de",
            "eu-central-2, euc2.pure.cloud",
            "me-central-1, mec1.pure.cloud",
            "ap-south-1, aps1.pure.cloud",
            "ap-southeast-2, mypurecloud.com.au",
            "ap-northeast-1, mypurecloud.jp",
            "ap-northeast-2, apne2.pure.cloud",
            "ap-northeast-3, apne3.pure.cloud",
            "mx-central-1, mxc1.pure.cloud"})
    void mapsEveryRegionToItsDomain(String region, String domain) {
        GenesysRegion r = GenesysRegion.byId(region).orElseThrow();
        assertEquals(domain, r.domain());
        assertEquals("api." + domain, r.apiHost());
        assertEquals("login." + domain, r.loginHost());
    }

    @Test
    void underscoreSpellingIsSingaporeNotSydney() {
        // old SDK builds sent ap_southeast_1 to the Sydney host
        assertEquals("api.apse1.pure.cloud", GenesysRegion.byId("ap_southeast_1").orElseThrow().apiHost());
        assertEquals(GenesysRegion.AP_SOUTHEAST_1, GenesysRegion.byId(" AP-SOUTHEAST-1 ").orElseThrow());
    }

    @Test
    void unknownRegionsAreEmpty() {
        assertTrue(GenesysRegion.byId("mars-north-1").isEmpty());
        assertTrue(GenesysRegion.byId(null).isEmpty());
    }
}
