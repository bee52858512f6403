package app.duet.client.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuetIconTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 256, 1024})
    void isTransparentOutsideTheRoundedSquareAndOpaqueInside(int size) {
        BufferedImage icon = DuetIcon.render(size);

        assertThat(icon.getWidth()).isEqualTo(size);
        assertThat(icon.getHeight()).isEqualTo(size);
        assertThat(alpha(icon, 0, 0)).as("corner").isZero();
        assertThat(alpha(icon, size - 1, size - 1)).as("corner").isZero();
        assertThat(alpha(icon, size / 2, size / 8)).as("top middle").isEqualTo(255);
    }

    @Test
    void drawsWhiteRingsOnTheColouredBackground() {
        BufferedImage icon = DuetIcon.render(256);

        // The left ring's leftmost edge passes through (17 %, 50 %); the background is at (10 %, 10 %).
        int ring = icon.getRGB(256 * 17 / 100, 128);
        int background = icon.getRGB(26, 26);
        assertThat(ring & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(background & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }

    @Test
    void refusesSizesTooSmallToRead() {
        assertThatThrownBy(() -> DuetIcon.render(8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }
}
