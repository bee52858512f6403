package app.duet.client.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromBaseAndStaysBetweenHalfAndFullCeiling() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999_999);

        assertThat(low.delay(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(0)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1000));
        assertThat(low.delay(3)).isEqualTo(Duration.ofMillis(4000));
        assertThat(high.delay(3)).isBetween(Duration.ofMillis(7999), Duration.ofMillis(8000));
    }

    @Test
    void isCappedEvenForHugeAttemptNumbers() {
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999_999);

        assertThat(high.delay(10)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(high.delay(Integer.MAX_VALUE)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(high.delay(-1)).isEqualTo(high.delay(0));
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
