package app.duet.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
    private long now;
    /** 5 frames a second, bursts of 2. */
    private final FloodGuard guard = new FloodGuard(new TokenBucket(5, 2, () -> now), () -> now);

    @Test
    void framesWithinTheRateAreAdmitted() {
        assertThat(guard.admit()).isZero();
        assertThat(guard.admit()).isZero();
        assertThat(guard.admit()).isEqualTo(1);
    }

    @Test
    void aTokenThatRefillsMidFloodDoesNotResetTheCount() {
        takeTokens(2);
        assertThat(guard.admit()).isEqualTo(1);
        assertThat(guard.admit()).isEqualTo(2);
        advance(Duration.ofMillis(200)); // one token back, as on a server slowed down mid-flood
        assertThat(guard.admit()).isZero();
        assertThat(guard.admit()).isEqualTo(3);
    }

    @Test
    void aClientQuietForTheForgivePeriodStartsAfresh() {
        takeTokens(2);
        assertThat(guard.admit()).isEqualTo(1);
        assertThat(guard.admit()).isEqualTo(2);
        advance(FloodGuard.FORGIVE_AFTER); // the bucket is full again: 2 tokens
        takeTokens(2);
        assertThat(guard.admit()).as("a new flood counts from one").isEqualTo(1);
    }

    private void takeTokens(int n) {
        for (int i = 0; i < n; i++) {
            assertThat(guard.admit()).as("token %d", i + 1).isZero();
        }
    }

    private void advance(Duration d) {
        now += d.toNanos();
    }
}
