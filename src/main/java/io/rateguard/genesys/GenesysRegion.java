package io.rateguard.genesys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Genesys Cloud regions and their domains (API host {@code api.<domain>}, login host
 * {@code login.<domain>}). A table, not string rules: old SDK builds mapped {@code ap_southeast_1}
 * to the Sydney host, so every name maps explicitly.
 */
public enum GenesysRegion {
    AP_SOUTHEAST_1("ap-southeast-1", "apse1.pure.cloud"),
    US_EAST_1("us-east-1", "mypurecloud.com"),
    US_EAST_2("us-east-2", "use2.us-gov-pure.cloud"),
    US_WEST_2("us-west-2", "usw2.pure.cloud"),
    CA_CENTRAL_1("ca-central-1", "cac1.pure.cloud"),
    SA_EAST_1("sa-east-1", "sae1.pure.cloud"),
    EU_WEST_1("eu-west-1", "mypurecloud.ie"),
    EU_WEST_2("eu-west-2", "euw2.pure.cloud"),
    EU_CENTRAL_1("eu-central-1", "mypurecloud.de"),
    EU_CENTRAL_2("eu-central-2", "euc2.pure.cloud"),
    ME_CENTRAL_1("me-central-1", "mec1.pure.cloud"),
    AP_SOUTH_1("ap-south-1", "aps1.pure.cloud"),
    AP_SOUTHEAST_2("ap-southeast-2", "mypurecloud.com.au"),
    AP_NORTHEAST_1("ap-northeast-1", "mypurecloud.jp"),
    AP_NORTHEAST_2("ap-northeast-2", "apne2.pure.cloud"),
    AP_NORTHEAST_3("ap-northeast-3", "apne3.pure.cloud"),
    MX_CENTRAL_1("mx-central-1", "mxc1.pure.cloud");

    private final String id;
    private final String domain;

    GenesysRegion(String id, String domain) {
        this.id = id;
        this.domain = domain;
    }

    public String id() {
        return id;
    }

    public String domain() {
        return domain;
    }

    public String apiHost() {
        return "api." + domain;
    }

    public String loginHost() {
        return "login." + domain;
    }

    /** By region id; {@code ap_southeast_1} and upper case are accepted as the same id. */
    public static Optional<GenesysRegion> byId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String id = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static String knownIds() {
        return Arrays.stream(values()).map(GenesysRegion::id).collect(Collectors.joining(", "));
    }
}
