package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import app.duet.client.call.video.FrameStamp;

import org.junit.jupiter.api.Test;

class TestPatternProducerTest {

    private final TestPatternProducer pattern = new TestPatternProducer(640, 480, "Alice");
    private final int[] frame = new int[640 * 480];

    @Test
    void each_frame_carries_its_number_in_the_stamp() {
        pattern.produce(frame, 41);
        assertThat(FrameStamp.decodeFrameNumber(frame, 640, 480)).hasValue(41);
        pattern.produce(frame, 42);
        assertThat(FrameStamp.decodeFrameNumber(frame, 640, 480)).hasValue(42);
    }

    @Test
    void the_bars_and_the_square_move_from_frame_to_frame() {
        pattern.produce(frame, 10);
        int[] earlier = frame.clone();
        pattern.produce(frame, 11);

        int middleRow = 240 * 640;
        assertThat(Arrays.copyOfRange(frame, middleRow, middleRow + 640))
                .isNotEqualTo(Arrays.copyOfRange(earlier, middleRow, middleRow + 640));
        assertThat(frame[middleRow + 100]).as("the square, 8 px a frame from the left edge: x 88 to 167 at frame 11").isEqualTo(0xFFFFFFFF);
    }

    @Test
    void the_band_at_the_bottom_holds_the_name_and_the_counter() {
        pattern.produce(frame, 7);
        long white = Arrays.stream(frame, 380 * 640, 480 * 640).filter(p -> (p & 0xFFFFFF) > 0xE0E0E0).count();
        long band = Arrays.stream(frame, 380 * 640, 480 * 640).filter(p -> p == 0xFF303030).count();
        assertThat(white).as("text pixels").isGreaterThan(200);
        assertThat(band).as("band pixels").isGreaterThan(20_000);
    }
}
