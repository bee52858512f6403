package app.duet.client.call.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShownSizeTest {

    private static String fit(ShownSize box, int width, int height) {
        long size = box.fit(width, height);
        return ShownSize.packedWidth(size) + "x" + ShownSize.packedHeight(size);
    }

    @Test
    void a_larger_frame_is_scaled_down_to_fit_keeping_its_aspect_in_even_pixels() {
        assertThat(fit(new ShownSize(960, 600), 1280, 720)).isEqualTo("960x540");
        assertThat(fit(new ShownSize(240, 135), 640, 480)).isEqualTo("180x134");
        assertThat(fit(new ShownSize(301, 1000), 1280, 720)).isEqualTo("300x168");
    }

    @Test
    void a_frame_that_fits_and_any_size_keep_the_frame_as_it_came() {
        assertThat(fit(new ShownSize(960, 600), 320, 180)).isEqualTo("320x180");
        assertThat(fit(ShownSize.ANY, 1280, 720)).isEqualTo("1280x720");
        assertThat(fit(new ShownSize(1, 1), 1280, 720)).as("never below 2x2").isEqualTo("2x2");
    }

    @Test
    void a_negative_size_is_refused() {
        assertThatThrownBy(() -> new ShownSize(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
