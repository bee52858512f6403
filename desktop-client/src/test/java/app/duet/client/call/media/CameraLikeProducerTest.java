package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import app.duet.client.call.video.FrameStamp;

import org.junit.jupiter.api.Test;

class CameraLikeProducerTest {

    private final CameraLikeProducer camera = new CameraLikeProducer(320, 180);
    private final int[] frame = new int[320 * 180];

    @Test
    void each_frame_carries_its_number_in_the_stamp() {
        camera.produce(frame, 41);
        assertThat(FrameStamp.decodeFrameNumber(frame, 320, 180)).hasValue(41);
    }

    @Test
    void almost_every_pixel_changes_from_one_frame_to_the_next() {
        camera.produce(frame, 10);
        int[] earlier = frame.clone();
        camera.produce(frame, 11);
        long changed = IntStream.range(0, frame.length).filter(i -> frame[i] != earlier[i]).count();
        assertThat(changed).as("pixels that changed (motion and noise over the whole frame)")
                .isGreaterThan(frame.length * 9L / 10);
    }

    @Test
    void the_noise_changes_each_channel_a_little_and_never_carries_into_the_next() {
        camera.produce(frame, 5);
        int[] first = frame.clone();
        camera.produce(frame, 5); // the same place in the scene, fresh noise
        int below = FrameStamp.stampHeight(320) * 320;
        for (int i = below; i < frame.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                int difference = Math.abs(((frame[i] >>> shift) & 0xFF) - ((first[i] >>> shift) & 0xFF));
                assertThat(difference).as("channel at bit %d of pixel %d", shift, i).isLessThanOrEqualTo(28);
            }
        }
        assertThat(Arrays.equals(frame, below, frame.length, first, below, first.length)).as("fresh noise").isFalse();
    }
}
