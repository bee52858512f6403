package app.duet.client.ui.common;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.WeakHashMap;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.call.video.ShownSize;

/**
 * Draws frames from a {@link LatestFrameHolder} (docs/decisions/0016-video-drawing.md). It tells the holder
 * the size it is shown at, so frames arrive converted to that size (scaled in I420 off the FX thread), and
 * draws only when a frame has arrived: the holder's ready callback starts a pulse listener, which takes the
 * newest frame and stops once there is none, so a still or absent video asks for no pulses.
 *
 * <p>No pixel is copied on the FX thread: each frame buffer is shown through its own {@link WritableImage}
 * over a {@link PixelBuffer} on the frame's memory, and a new frame in a buffer seen before only marks its
 * image changed. Frames are taken inside a pulse, when the previous pulse's rendering has finished, so the
 * buffer the producer gets back (the one shown until now) is no longer being read by the renderer.
 */
public final class VideoView extends StackPane {
    private final ImageView image = new ImageView();
    private final ReadOnlyBooleanWrapper showingVideo = new ReadOnlyBooleanWrapper(false);
    /** One image per frame buffer; a buffer the holder drops (a new size) takes its image with it. */
    private final Map<ArgbFrame, Shown> images = new WeakHashMap<>();
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
        widthProperty().addListener((obs, old, now) -> tellShownSize());
        heightProperty().addListener((obs, old, now) -> tellShownSize());
    }

    /** Starts drawing frames from {@code holder}; null stops and shows the placeholder. */
    public void attach(LatestFrameHolder holder) {
        if (source != null) {
            source.setReadyListener(null);
            source.showAt(ShownSize.ANY);
        }
        pulse.stop();
        source = holder;
        images.clear();
        showingVideo.set(false);
        if (holder != null) {
            tellShownSize();
            // Called on the producer's thread, at most once between two polls.
            holder.setReadyListener(() -> Platform.runLater(() -> {
                if (source == holder) {
                    pulse.start();
                }
            }));
            pulse.start();
        }
    }

    /** A frame buffer's pixels as JavaFX sees them, and the image over them. */
    private record Shown(PixelBuffer<ByteBuffer> pixels, WritableImage image) {
        static Shown of(ArgbFrame frame) {
            PixelBuffer<ByteBuffer> pixels = new PixelBuffer<>(frame.width(), frame.height(), frame.bytes(),
                    PixelFormat.getByteBgraPreInstance());
            return new Shown(pixels, new WritableImage(pixels));
        }
    }

    /** Draws one frame directly (used by {@link #attach} and by tests and screenshots). */
    public void draw(ArgbFrame frame) {
        Shown shown = images.get(frame);
        if (shown == null) {
            shown = Shown.of(frame);
            images.put(frame, shown);
        } else {
            shown.pixels().updateBuffer(changed -> null); // the whole buffer holds a new frame
        }
        if (image.getImage() != shown.image()) {
            image.setImage(shown.image());
        }
        drawnFrames++;
        showingVideo.set(true);
    }

    public long drawnFrames() {
        return drawnFrames;
    }

    private void drawLatest() {
        ArgbFrame frame = source == null ? null : source.poll();
        if (frame == null) {
            pulse.stop(); // the ready callback starts it again with the next frame
        } else {
            draw(frame);
        }
    }

    /** The view's size in screen pixels (the window's output scale applied), or ANY before it is laid out. */
    private void tellShownSize() {
        if (source == null) {
            return;
        }
        Window window = getScene() == null ? null : getScene().getWindow();
        double scaleX = window == null ? 1 : window.getRenderScaleX();
        double scaleY = window == null ? 1 : window.getRenderScaleY();
        int width = (int) Math.ceil(getWidth() * scaleX);
        int height = (int) Math.ceil(getHeight() * scaleY);
        source.showAt(width > 0 && height > 0 ? new ShownSize(width, height) : ShownSize.ANY);
    }
}
