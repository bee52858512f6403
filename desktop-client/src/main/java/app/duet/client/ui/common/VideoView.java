package app.duet.client.ui.common;

import java.nio.IntBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>A view can {@link #follow} another (the self-view follows the remote video): while the lead draws,
 * the follower's frames are drawn in the lead's pulses, so the software pipeline presents the window once
 * for both instead of once for each (each present copies the whole window). A follower whose frame has
 * waited {@link #FOLLOW_WAIT}, or whose lead has drawn nothing for as long, draws in a pulse of its own.
 */
public final class VideoView extends StackPane {
    /** How long a follower's frame waits for its lead's pulse, and how recently the lead must have drawn. */
    static final Duration FOLLOW_WAIT = Duration.ofMillis(100);

    private final ImageView image = new ImageView();
    private final ReadOnlyBooleanWrapper showingVideo = new ReadOnlyBooleanWrapper(false);
    /** One image per frame buffer; a buffer the holder drops (a new size) takes its image with it. */
    private final Map<ArgbFrame, Shown> images = new WeakHashMap<>();
    private LatestFrameHolder source;
    private long drawnFrames;
    private long lastDrawnAt; // System.nanoTime() of the last frame drawn; 0 before the first
    private final List<VideoView> followers = new ArrayList<>();
    private VideoView lead;
    private long followWaitNanos;
    private long readySince; // when the frame now waiting was announced; 0 when none is known to wait
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!waitsForLead()) {
                drawLatest();
            }
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

    /** Draws this view's frames in {@code lead}'s pulses while the lead draws (see the class comment). */
    public void follow(VideoView lead) {
        follow(lead, FOLLOW_WAIT);
    }

    void follow(VideoView lead, Duration longestWait) {
        if (this.lead != null) {
            this.lead.followers.remove(this);
        }
        this.lead = lead;
        this.followWaitNanos = longestWait.toNanos();
        lead.followers.add(this);
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
        readySince = 0;
        showingVideo.set(false);
        if (holder != null) {
            tellShownSize();
            // Called on the producer's thread, at most once between two polls.
            holder.setReadyListener(() -> Platform.runLater(() -> {
                if (source == holder) {
                    if (readySince == 0) {
                        readySince = System.nanoTime();
                    }
                    pulse.start();
                }
            }));
            pulse.start();
        }
    }

    /** A frame buffer's pixels as JavaFX sees them, and the image over them. */
    private record Shown(PixelBuffer<IntBuffer> pixels, WritableImage image) {
        // Ints, not BGRA bytes: the software pipeline's textures hold ARGB ints, and it copies rows of ints in
        // bulk where it would convert bytes pixel by pixel (decision 0016).
        static Shown of(ArgbFrame frame) {
            PixelBuffer<IntBuffer> pixels = new PixelBuffer<>(frame.width(), frame.height(), frame.pixels(),
                    PixelFormat.getIntArgbPreInstance());
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
        lastDrawnAt = System.nanoTime();
        showingVideo.set(true);
    }

    public long drawnFrames() {
        return drawnFrames;
    }

    /** A follower's frame waits while the lead is drawing and the frame has not waited too long. */
    private boolean waitsForLead() {
        if (lead == null || readySince == 0) {
            return false;
        }
        long now = System.nanoTime();
        return now - readySince < followWaitNanos && lead.lastDrawnAt != 0 && now - lead.lastDrawnAt < followWaitNanos;
    }

    /** In a pulse: draws the newest frame, and then the followers' (sharing this pulse's present). */
    private void drawLatest() {
        ArgbFrame frame = source == null ? null : source.poll();
        readySince = 0;
        if (frame == null) {
            pulse.stop(); // the ready callback starts it again with the next frame
            return;
        }
        draw(frame);
        for (VideoView follower : followers) {
            follower.drawLatest();
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
