package app.duet.client.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.call.video.ShownSize;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;

/** The view asks for frames at the size it shows them and shows each new frame, also in a buffer it showed before. */
class VideoViewTest {
    private final LatestFrameHolder holder = new LatestFrameHolder();
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
    }

    @Test
    void asksForItsShownSizeAndDrawsEachNewFrame() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<VideoView> view = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            view.set(new VideoView(new Label("no video")));
            view.get().attach(holder);
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(view.get()), 320, 200));
            stage.show();
        });
        await().atMost(Waits.UI).until(() -> holder.sizeToConvert(1280, 720) == ShownSize.pack(320, 180));

        publish(0xFF112233);
        await().atMost(Waits.UI).until(() -> UiClient.onFx(view.get()::drawnFrames) == 1);
        Image first = UiClient.onFx(() -> ((ImageView) view.get().getChildren().get(1)).getImage());
        assertThat(first.getPixelReader().getArgb(5, 5)).isEqualTo(0xFF112233);

        for (int frame = 0; frame < 4; frame++) { // round the holder's buffers: their images show what is written again
            publish(0xFF445566 + frame);
            long drawn = frame + 2;
            await().atMost(Waits.UI).until(() -> UiClient.onFx(view.get()::drawnFrames) >= drawn);
        }
        publish(0xFFAABBCC);
        await().atMost(Waits.UI).until(() -> UiClient.onFx(() -> ((ImageView) view.get().getChildren().get(1))
                .getImage().getPixelReader().getArgb(5, 5)) == 0xFFAABBCC);
    }

    private void publish(int argb) {
        holder.publish(16, 9, frame -> {
            var pixels = frame.target().asIntBuffer();
            while (pixels.hasRemaining()) {
                pixels.put(argb);
            }
        });
    }
}
