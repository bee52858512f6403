package app.duet.client.ui.common;

import javafx.application.Platform;
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
 * Draws frames from a {@link LatestFrameHolder}. The holder keeps only the newest frame and calls us once
 * per frame that becomes ready, so at most one redraw is queued on the FX thread and frames that arrive
 * while the UI is behind are dropped there, never queued. Pixels are premultiplied BGRA and copied into an
 * image owned by the FX thread, so the producer may reuse its buffer as soon as the next frame is polled.
 */
public final class VideoView extends StackPane {
    private final ImageView image = new ImageView();
    private final ReadOnlyBooleanWrapper showingVideo = new ReadOnlyBooleanWrapper(false);
    private WritableImage canvas;
    private LatestFrameHolder source;
    private long drawnFrames;

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
        if (source != null) {
            source.setReadyListener(null);
        }
        source = holder;
        showingVideo.set(false);
        if (holder != null) {
            holder.setReadyListener(() -> Platform.runLater(() -> drawLatest(holder)));
            drawLatest(holder);
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

    private void drawLatest(LatestFrameHolder holder) {
        if (holder != source) {
            return;
        }
        ArgbFrame frame = holder.poll();
        if (frame != null) {
            draw(frame);
        }
    }
}
