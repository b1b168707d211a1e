package io.rateguard.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,"
            + "failureMessage,bytes,sentBytes,Latency,Connect,"
            + "\"rateguard_throttle_ms\",\"rateguard_pause_ms\",\"rateguard_retries\"\n";

    /** Four logical requests over 1 s: one clean, one retried twice, one refused outright, one failed. */
    private static final String RUN = HEADER
            + "1000,100,flows,200,OK,t1,true,,1,1,90,1,10,0,0\n"
            // logical row (the last attempt's timing) then its attempts, which repeat its variables
            + "1500,100,flows,200,OK,t2,true,,3,3,90,1,700,500,2\n"
            + "1000,50,flows-attempt-1,429,Too Many Requests,t2,false,,1,1,50,1,700,500,2\n"
            + "1200,50,flows-attempt-2,429,Too Many Requests,t2,false,,1,1,50,1,700,500,2\n"
            + "1500,100,flows-attempt-3,200,OK,t2,true,,1,1,90,1,700,500,2\n"
            // refused with no retry: no attempt rows, so this row is the 429 the client saw
            + "1100,10,flows,429,Too Many Requests,t3,false,,1,1,10,1,20,0,0\n"
            // a row from a plain sampler, no RateGuard variables at all
            + "1900,100,other,500,Server Error,t4,false,,1,1,100,1,null,null,null\n";

    @Test
    void countsLogicalSamplesNotAttempts() {
        RunSummary s = RunSummary.of(JtlReader.parse(RUN));
        assertEquals(4, s.logicalSamples());
        assertEquals(2, s.successfulSamples());
        assertEquals(2, s.failedSamples());
    }

    @Test
    void counts429AttemptsOnceEach() {
        RunSummary s = RunSummary.of(JtlReader.parse(RUN));
        // two attempts of the retried request + the request refused without a retry;
        // the retried request's logical row (200) adds nothing
        assertEquals(3, s.attempts429());
    }

    @Test
    void aRetriedRequestEndingIn429IsNotCountedTwice() {
        RunSummary s = RunSummary.of(JtlReader.parse(HEADER
                + "1200,50,x,429,Too Many Requests,t,false,Gave up after 2 attempts,2,2,50,1,0,0,1\n"
                + "1000,50,x-attempt-1,429,Too Many Requests,t,false,,1,1,50,1,0,0,1\n"
                + "1200,50,x-attempt-2,429,Too Many Requests,t,false,,1,1,50,1,0,0,1\n"
                // absent retries count as 0: this 429 has no attempts
                + "1300,50,y,429,Too Many Requests,t,false,,1,1,50,1,null,null,null\n"));
        assertEquals(3, s.attempts429());
        assertEquals(1, s.retries());
    }

    @Test
    void sumsRateGuardVariablesOverLogicalRowsOnly() {
        RunSummary s = RunSummary.of(JtlReader.parse(RUN));
        assertEquals(2, s.retries());
        assertEquals(10 + 700 + 20, s.throttleWaitMs());
        assertEquals(500, s.pauseMs());
    }

    @Test
    void rateRunsFromFirstStartToLastEnd() {
        RunSummary s = RunSummary.of(JtlReader.parse(RUN));
        // first start 1000 (an attempt), last end 1900 + 100
        assertEquals(1000, s.runMillis());
        assertEquals(2.0, s.achievedRatePerSecond(), 1e-9);
        assertEquals(OptionalDouble.empty(), s.ratioToLimit());
    }

    @Test
    void comparesTheRateWithTheServersLimit() {
        RunSummary s = RunSummary.of(JtlReader.parse(RUN), new ServerFigures(3, 3, 4.0, 1.0));
        assertEquals(0.5, s.ratioToLimit().orElseThrow(), 1e-9);
        assertEquals(3.0, s.server().orElseThrow().servedPerSecond(), 1e-9);
    }

    @Test
    void listsTheFiveCommonestFailureMessages() {
        StringBuilder jtl = new StringBuilder(HEADER);
        String[] messages = {"a", "b", "b", "c", "c", "c", "d", "e", "e", "f", "\"g, with comma\""};
        for (String m : messages) {
            jtl.append("1,1,x,500,Server Error,t,false,").append(m).append(",1,1,1,1,0,0,0\n");
        }
        // no assertion message: the code and response message stand in
        jtl.append("1,1,x,503,Service Unavailable,t,false,,1,1,1,1,0,0,0\n");
        jtl.append("1,1,x,503,Service Unavailable,t,false,,1,1,1,1,0,0,0\n");
        jtl.append("1,1,x,503,Service Unavailable,t,false,,1,1,1,1,0,0,0\n");
        jtl.append("1,1,x,503,Service Unavailable,t,false,,1,1,1,1,0,0,0\n");

        RunSummary s = RunSummary.of(JtlReader.parse(jtl.toString()));
        assertEquals(15, s.failedSamples());
        assertEquals(8, s.distinctFailures());
        assertEquals(List.of(
                new FailureCount("503 Service Unavailable", 4),
                new FailureCount("c", 3),
                new FailureCount("b", 2),
                new FailureCount("e", 2),
                new FailureCount("a", 1)), s.topFailures());
    }

    @Test
    void formatsAnAlignedBlock() {
        String text = RunSummary.of(JtlReader.parse(RUN), new ServerFigures(3, 3, 4.0, 1.0)).format();
        List<String> lines = text.lines().toList();
        assertEquals("RateGuard run summary", lines.get(0));
        assertTrue(text.contains("logical samples"), text);
        assertTrue(text.contains("Too Many Requests"), text);
        assertTrue(text.contains("rate / limit"), text);
        assertTrue(text.contains("0.500"), text);
        // every value starts in the same column
        int valueColumn = lines.get(1).indexOf('4');
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("  "), line);
            boolean failureEntry = line.substring(0, valueColumn).isBlank();
            boolean aligned = line.substring(valueColumn - 2, valueColumn).equals("  ")
                    && line.charAt(valueColumn) != ' ';
            assertTrue(failureEntry || aligned, "misaligned: '" + line + "'");
        }
    }

    @Test
    void anEmptyRunFormatsWithoutDividingByZero() {
        RunSummary s = RunSummary.of(JtlReader.parse(HEADER));
        assertEquals(0, s.logicalSamples());
        assertEquals(0, s.runMillis());
        assertEquals(0.0, s.achievedRatePerSecond());
        assertTrue(s.format().startsWith("RateGuard run summary\n"));
    }
}
