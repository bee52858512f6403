package app.duet.client.call.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FrameStampTest {

    @Test
    void stamp_round_trips_and_survives_noise() {
        int width = 640;
        int height = 480;
        int[] pixels = new int[width * height];
        long now = 1_763_790_000_123L;
        FrameStamp.encode(pixels, width, 123_456_789L, now);

        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) { // codec-like noise of +-40 levels per channel
            int delta = random.nextInt(81) - 40;
            int c = Math.max(0, Math.min(255, (pixels[i] & 0xFF) + delta));
            pixels[i] = 0xFF000000 | (c << 16) | (c << 8) | c;
        }
        assertThat(FrameStamp.decodeFrameNumber(pixels, width, height)).hasValue(123_456_789L);
        assertThat(FrameStamp.decodeTimeBits(pixels, width)).isEqualTo(FrameStamp.timeBits(now));
    }

    @Test
    void unstamped_frames_decode_to_nothing() {
        int[] grey = new int[320 * 240];
        java.util.Arrays.fill(grey, 0xFF808080);
        assertThat(FrameStamp.decodeFrameNumber(grey, 320, 240)).isEmpty();
        assertThat(FrameStamp.decodeFrameNumber(new int[320 * 4], 320, 4)).as("too short").isEmpty();
    }
}
