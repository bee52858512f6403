package app.duet.client.call.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MessageRateLimitTest {

    @Test
    void allows_a_burst_then_the_steady_rate() {
        AtomicLong now = new AtomicLong();
        MessageRateLimit limit = new MessageRateLimit(now::get);
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += limit.tryAcquire() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo((int) MessageRateLimit.BURST);

        now.addAndGet(1_000_000_000L); // one second later
        allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += limit.tryAcquire() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo((int) MessageRateLimit.PER_SECOND);
    }
}
