package app.duet.bench.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStampTest {
    @Test
    void readsBackWhatItWrote() {
        String text = "{\"candidate\":\"candidate:1 1 udp 1 203.0.113.7 1 typ host " + LatencyStamp.format(123_456_789L) + "\"}";
        assertThat(LatencyStamp.read(text)).isEqualTo(123_456_789L);
    }

    @Test
    void readsBackTheSenderAndItsSequence() {
        String text = "a=" + LatencyStamp.format(42L, 4_999, false, 123_456_789_012L) + "\r\n";
        int at = LatencyStamp.find(text);

        assertThat(LatencyStamp.read(text)).isEqualTo(42L);
        assertThat(LatencyStamp.pair(text, at)).isEqualTo(4_999);
        assertThat(LatencyStamp.fromCaller(text, at)).isFalse();
        assertThat(LatencyStamp.sequence(text, at)).isEqualTo(123_456_789_012L);
    }

    @Test
    void hasTheSameWidthForEveryTime() {
        assertThat(LatencyStamp.format(0)).hasSameSizeAs(LatencyStamp.format(Long.MAX_VALUE));
    }

    @Test
    void isAbsentFromMessagesWithoutAStamp() {
        assertThat(LatencyStamp.read("{\"type\":\"ok\",\"id\":\"7\",\"result\":{}}")).isEqualTo(-1);
        assertThat(LatencyStamp.read(LatencyStamp.MARKER + "12ab")).isEqualTo(-1);
    }
}
