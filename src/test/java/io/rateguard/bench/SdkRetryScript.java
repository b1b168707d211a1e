package io.rateguard.bench;

/**
 * The baseline users have today: a stock HTTP Request followed by a JSR223 PostProcessor (Groovy)
 * that retries exactly as the official Genesys Java SDK does (shared/docs/genesys-rate-limits.md):
 * on 429, 502, 503 or 504, the thread sleeps {@code Integer.parseInt(Retry-After)} seconds (the
 * header looked up case-sensitively) or 3 s without it, at most 5 retries, and gives up when
 * Retry-After exceeds 180 s. Each thread sleeps on its own; nothing paces the first attempts.
 * <p>
 * The retry re-runs the same sampler (with its config, as the SDK re-sends the same request) and
 * keeps each attempt as a sub-result labelled {@code <label>-attempt-<n>}, so the logical sample
 * spans every attempt and ends as the last one did, as an SDK call returns to its caller.
 */
final class SdkRetryScript {

    static final String GROOVY = """
            // Genesys Java SDK retry (ApiClient with a RetryConfiguration): per thread, no pacing.
            final int retryMax = 5
            final long defaultWaitSec = 3
            final long maxRetryAfterSec = 180
            final Set retryable = [429, 502, 503, 504] as Set
            def codeOf = { r -> r.responseCode ==~ /\\d+/ ? (r.responseCode as int) : -1 }
            def last = prev
            int retries = 0
            while (retryable.contains(codeOf(last)) && retries < retryMax) {
                // case-sensitive, as the SDK's header map lookup is
                def m = (last.responseHeaders =~ /(?m)^Retry-After:[ \\t]*([^\\r\\n]*)/)
                long waitSec = m.find() ? Integer.parseInt(m.group(1).trim()) : defaultWaitSec
                if (waitSec > maxRetryAfterSec) {
                    break
                }
                Thread.sleep(waitSec * 1000L)
                def next = sampler.sample()
                retries++
                next.sampleLabel = prev.sampleLabel + '-attempt-' + (retries + 1)
                prev.addSubResult(next, false)
                last = next
            }
            if (!last.is(prev)) {
                // the logical call ends as its last attempt did
                prev.responseCode = last.responseCode
                prev.responseMessage = last.responseMessage
                prev.responseHeaders = last.responseHeaders
                prev.responseData = last.responseData
                prev.successful = last.successful
            }
            vars.put('sdk_retries', retries as String)
            """;

    private SdkRetryScript() {
    }

    static String postProcessorXml() {
        return """
                            <JSR223PostProcessor guiclass="TestBeanGUI" testclass="JSR223PostProcessor" testname="Retry like the Genesys Java SDK">
                              <stringProp name="scriptLanguage">groovy</stringProp>
                              <stringProp name="parameters"></stringProp>
                              <stringProp name="filename"></stringProp>
                              <stringProp name="cacheKey">true</stringProp>
                              <stringProp name="script">%s</stringProp>
                            </JSR223PostProcessor>
                            <hashTree/>
                """.formatted(BenchPlan.xml(GROOVY));
    }
}
