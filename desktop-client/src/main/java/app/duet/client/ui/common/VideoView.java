package app.duet.client.ui.common;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.LatestFrameHolder;

/**
 * Draws frames from a {@link LatestFrameHolder}. Once per FX pulse (while attached) it takes the newest
 * frame, if a new one arrived: the holder keeps only the newest, so frames that arrive while the UI is
 * behind are dropped there, never queued. Polling on the pulse costs one synchronized check and never
 * misses a frame the holder's ready callback failed to announce. Pixels are premultiplied BGRA, copied
 * into an image owned by the FX thread, so the producer may reuse its buffer once the next frame is polled.
 */
public final class VideoView extends StackPane {
    private final ImageView image = new ImageView();
    private final ReadOnlyBooleanWrapper showingVideo = new ReadOnlyBooleanWrapper(false);
    private WritableImage canvas;
    private LatestFrameHolder source;
    private long drawnFrames;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawLatest();
        }
    };

    public VideoView(Node placeholder) {
        getStyleClass().add("video-view");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.fitWidthProperty().bind(widthProperty());
        image.fitHeightProperty().bind(heightProperty());
        image.visibleProperty().bind(showingVideo);
        placeholder.visibleProperty().bind(showingVideo.not());
        setAlignment(Pos.CENTER);
        getChildren().addAll(placeholder, image);
        setMinSize(0, 0);
    }

    /** Starts drawing frames from {@code holder}; null stops and shows the placeholder. */
    public void attach(LatestFrameHolder holder) {
        source = holder;
        showingVideo.set(false);
        if (holder == null) {
            pulse.stop();
        } else {
            drawLatest();
            pulse.start();
        }
    }

    /** Draws one frame directly (used by {@link #attach} and by tests and screenshots). */
    public void draw(ArgbFrame frame) {
        if (canvas == null || (int) canvas.getWidth() != frame.width() || (int) canvas.getHeight() != frame.height()) {
            canvas = new WritableImage(frame.width(), frame.height());
            image.setImage(canvas);
        }
        canvas.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getByteBgraPreInstance(),
                frame.bytes(), frame.width() * 4);
        drawnFrames++;
        showingVideo.set(true);
    }

    public long drawnFrames() {
        return drawnFrames;
    }

    private void drawLatest() {
        if (source == null) {
            return;
        }
        ArgbFrame frame = source.poll();
        if (frame != null) {
            draw(frame);
        }
    }
}
