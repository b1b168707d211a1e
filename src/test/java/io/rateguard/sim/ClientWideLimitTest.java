package io.rateguard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Two engines fetch two tokens: with a client-wide limit they share one window, else each has its own. */
class ClientWideLimitTest {

    private final FakeClock clock = new FakeClock();

    private TokenStore store(boolean clientWide) {
        SimulatorConfig cfg = SimulatorConfig.builder().tokenLimit(2).tokenPeriodSeconds(60)
                .clientWideLimit(clientWide).clock(clock).build();
        return new TokenStore(cfg, clock.getAsLong());
    }

    @Test
    void tokensOfOneClientShareOneWindowWhenTheLimitIsClientWide() {
        TokenStore tokens = store(true);
        AccessToken a = tokens.issue(clock.getAsLong());
        AccessToken b = tokens.issue(clock.getAsLong());
        assertSame(a.quota(), b.quota());
        assertTrue(a.quota().tryAcquire(clock.getAsLong(), false).allowed());
        assertTrue(b.quota().tryAcquire(clock.getAsLong(), false).allowed());
        assertFalse(a.quota().tryAcquire(clock.getAsLong(), false).allowed(), "the third request of the client");
    }

    @Test
    void eachTokenHasItsOwnWindowByDefault() {
        TokenStore tokens = store(false);
        AccessToken a = tokens.issue(clock.getAsLong());
        AccessToken b = tokens.issue(clock.getAsLong());
        assertNotSame(a.quota(), b.quota());
        for (int i = 0; i < 2; i++) {
            assertTrue(a.quota().tryAcquire(clock.getAsLong(), false).allowed());
            assertTrue(b.quota().tryAcquire(clock.getAsLong(), false).allowed());
        }
    }

    @Test
    void theOptionIsOnTheCommandLine() {
        assertTrue(SimulatorArgs.parse(new String[] {"--client-wide-limit"}, name -> null).clientWideLimit());
        assertFalse(SimulatorArgs.parse(new String[] {}, name -> null).clientWideLimit());
        assertEquals("--client-wide-limit takes no value, got 'yes'",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> SimulatorArgs.parse(new String[] {"--client-wide-limit=yes"}, name -> null)).getMessage());
    }
}
