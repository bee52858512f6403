package app.duet.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.server.ManualClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    final ManualClock clock = new ManualClock();
    final RateLimit limit = new RateLimit(clock, Duration.ofHours(1), 2, Set.of("127.0.0.1"));

    @Test
    void aKeyGetsItsLimitPerWindowAndOthersAreCountedApart() {
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        clock.advance(Duration.ofMinutes(30));
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
        // The first action leaves the window: one more is allowed, not two (refusals do not count).
        clock.advance(Duration.ofMinutes(30));
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void exemptKeysAreNeverLimited() {
        for (int i = 0; i < 100; i++) {
            assertThat(limit.tryAcquire("127.0.0.1")).isTrue();
        }
    }
}
