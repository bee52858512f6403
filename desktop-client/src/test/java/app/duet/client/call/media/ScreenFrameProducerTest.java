package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import app.duet.client.testing.Waits;

/** Screen grabs of a real (Xvfb) screen, at the screen's own size and scaled down. */
class ScreenFrameProducerTest {

    private static final int RED = 0xFFFF0000;
    private Frame redPatch;
    private Robot robot;
    private Rectangle screen;

    @BeforeEach
    void showRedPatchInTheTopLeftCorner() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (the suite runs under Xvfb)");
        screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        robot = new Robot();
        redPatch = new Frame();
        redPatch.setUndecorated(true);
        redPatch.setBackground(Color.RED);
        redPatch.setBounds(screen.x, screen.y, screen.width / 2, screen.height / 2);
        redPatch.setVisible(true);
        await().atMost(Waits.CALL)
                .until(() -> robot.getPixelColor(screen.x + 10, screen.y + 10).equals(Color.RED));
    }

    @AfterEach
    void closePatch() {
        if (redPatch != null) {
            redPatch.dispose();
        }
    }

    @Test
    void a_grab_at_the_screens_own_size_is_copied_pixel_for_pixel() {
        ScreenFrameProducer producer = new ScreenFrameProducer(robot, screen, screen.width, screen.height);
        assertThat(producer.width()).isEqualTo(screen.width & ~1);

        int[] argb = produce(producer);

        assertThat(argb[10 * producer.width() + 10]).isEqualTo(RED);
        int belowPatch = (screen.height * 3 / 4) * producer.width() + screen.width * 3 / 4;
        assertThat(argb[belowPatch]).isNotEqualTo(RED).isEqualTo(argb[belowPatch] | 0xFF000000);
    }

    @Test
    void a_grab_larger_than_the_output_is_scaled_down_keeping_its_aspect() {
        ScreenFrameProducer producer = new ScreenFrameProducer(robot, screen, screen.width / 2, screen.height / 2);
        assertThat(producer.width()).isEqualTo((screen.width / 2) & ~1);
        assertThat(producer.height()).isEqualTo((screen.height / 2) & ~1);

        int[] argb = produce(producer);

        // The patch covers the top-left quarter of the screen: a quarter of the scaled frame too.
        assertThat(argb[5 * producer.width() + 5]).isEqualTo(RED);
        int outside = (producer.height() * 3 / 4) * producer.width() + producer.width() * 3 / 4;
        assertThat(argb[outside]).isNotEqualTo(RED);
    }

    private static int[] produce(ScreenFrameProducer producer) {
        int[] argb = new int[producer.width() * producer.height()];
        producer.produce(argb, 0);
        return argb;
    }
}
