package app.duet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
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
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
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
