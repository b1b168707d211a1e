package io.rateguard.sim;

/**
 * One API operation. The pipeline adds the ININ-Correlation-Id header unless the response has
 * one already (error bodies built with {@link ApiCall#correlationId()} carry it as contextId).
 */
@FunctionalInterface
interface ApiEndpoint {

    SimResponse handle(ApiCall call);
}
