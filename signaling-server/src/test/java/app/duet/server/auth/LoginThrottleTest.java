package app.duet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    static final String OWNER = "10.0.0.1";
    static final String ATTACKER = "10.0.0.66";
    final ManualClock clock = new ManualClock();
    final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5);

    @Test
    void attemptsAreCountedWhenTheyStartSoConcurrentOnesCannotOverrunTheLimit() {
        // Three checks in flight at once, none finished: a fourth must wait, whatever they turn out to be.
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryStart("ann", ATTACKER)).isPresent();
        }
        assertThat(throttle.tryStart("ann", ATTACKER)).isEmpty();
    }

    @Test
    void aPairIsThrottledAfterItsLimitUntilTheWindowPasses() {
        failures("ann", ATTACKER, 3);
        assertThat(throttle.tryStart("ann", ATTACKER)).isEmpty();
        assertThat(throttle.tryStart("bob", ATTACKER)).isPresent();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.tryStart("ann", ATTACKER)).isPresent();
    }

    @Test
    void anAccountIsThrottledForAddressesItWasNeverUsedFrom() {
        failures("ann", "10.0.0.7", 2);
        failures("ann", "10.0.0.8", 1);
        assertThat(throttle.tryStart("ann", "10.0.0.9")).isEmpty();
        assertThat(throttle.tryStart("bob", "10.0.0.9")).isPresent();
    }

    @Test
    void theOwnerStillGetsInFromAnAddressTheAccountWasUsedFrom() {
        throttle.succeeded(throttle.tryStart("ann", OWNER).orElseThrow());
        failures("ann", ATTACKER, 3);
        assertThat(throttle.tryStart("ann", "10.0.0.99")).as("another unknown address").isEmpty();
        Optional<LoginThrottle.Attempt> owner = throttle.tryStart("ann", OWNER);
        assertThat(owner).isPresent();
        throttle.succeeded(owner.get());
    }

    @Test
    void anAddressSessionWasResumedFromIsKnownToo() {
        throttle.remember("ann", OWNER);
        failures("ann", ATTACKER, 3);
        assertThat(throttle.tryStart("ann", OWNER)).isPresent();
    }

    @Test
    void aKnownAddressStillHasItsOwnLimit() {
        throttle.remember("ann", OWNER);
        failures("ann", OWNER, 3);
        assertThat(throttle.tryStart("ann", OWNER)).isEmpty();
    }

    @Test
    void anAddressIsThrottledAcrossAccountsExceptForAccountsKnownThere() {
        throttle.remember("colleague", ATTACKER);
        for (int i = 0; i < 5; i++) {
            failures("user" + i, ATTACKER, 1);
        }
        assertThat(throttle.tryStart("someone-else", ATTACKER)).isEmpty();
        assertThat(throttle.tryStart("someone-else", "10.0.0.8")).isPresent();
        assertThat(throttle.tryStart("colleague", ATTACKER)).as("known behind the same NAT").isPresent();
    }

    @Test
    void aSuccessForgivesThePairsFailures() {
        throttle.remember("ann", OWNER);
        failures("ann", OWNER, 2);
        throttle.succeeded(throttle.tryStart("ann", OWNER).orElseThrow());
        failures("ann", OWNER, 3);
        assertThat(throttle.tryStart("ann", OWNER)).isEmpty();
    }

    @Test
    void aSuccessTakesBackItsOwnAttemptButNotTheAccountsFailures() {
        failures("ann", ATTACKER, 2);
        throttle.remember("ann", OWNER);
        throttle.succeeded(throttle.tryStart("ann", OWNER).orElseThrow());
        // Two failures on the account: one more attempt from elsewhere, then none.
        assertThat(throttle.tryStart("ann", "10.0.0.50")).isPresent();
        assertThat(throttle.tryStart("ann", "10.0.0.51")).isEmpty();
    }

    @Test
    void knownAddressesAreForgottenAfterAWhile() {
        throttle.remember("ann", OWNER);
        clock.advance(LoginThrottle.KNOWN_ADDRESS_MEMORY.plusSeconds(1));
        failures("ann", ATTACKER, 3);
        assertThat(throttle.tryStart("ann", OWNER)).isEmpty();
    }

    /** {@code n} attempts that fail (a failure is an attempt nobody takes back). */
    private void failures(String username, String address, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(throttle.tryStart(username, address)).as("attempt %d of %s from %s", i, username, address).isPresent();
        }
    }
}
