package app.duet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final ManualClock clock = new ManualClock();
    final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5);

    @Test
    void anAccountIsThrottledAfterItsLimitUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.allows("ann", "10.0.0.1")).isTrue();
            throttle.recordFailure("ann", "10.0.0.1");
        }
        assertThat(throttle.allows("ann", "10.0.0.2")).isFalse();
        assertThat(throttle.allows("bob", "10.0.0.2")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertThat(throttle.allows("ann", "10.0.0.1")).isTrue();
    }

    @Test
    void anAddressIsThrottledAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThat(throttle.allows("someone-else", "10.0.0.9")).isFalse();
        assertThat(throttle.allows("someone-else", "10.0.0.8")).isTrue();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        throttle.recordFailure("ann", "10.0.0.1");
        throttle.recordFailure("ann", "10.0.0.1");
        throttle.recordSuccess("ann");
        throttle.recordFailure("ann", "10.0.0.1");
        throttle.recordFailure("ann", "10.0.0.1");
        assertThat(throttle.allows("ann", "10.0.0.1")).isTrue();
        // Four failures from 10.0.0.1 in all, then a fifth: the address reaches its limit of 5.
        throttle.recordFailure("ann", "10.0.0.1");
        assertThat(throttle.allows("bob", "10.0.0.1")).isFalse();
    }
}
