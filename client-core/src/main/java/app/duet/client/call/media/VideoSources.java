package app.duet.client.call.media;

import java.util.Optional;
import java.util.function.Consumer;

import dev.onvoid.webrtc.media.video.VideoDevice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens cameras, the synthetic pattern and screens; a camera that fails to start falls back to the pattern. */
public final class VideoSources {

    private static final Logger LOG = LoggerFactory.getLogger(VideoSources.class);
    static final String PATTERN_INSTEAD = "The other side sees a test pattern instead.";
    static final int SCREEN_FPS = 15;
    static final int SCREEN_MAX_WIDTH = 1920;
    static final int SCREEN_MAX_HEIGHT = 1080;

    private final DeviceCatalog devices;
    private final DisplayCapturer displays;

    public VideoSources(DeviceCatalog devices, DisplayCapturer displays) {
        this.devices = devices;
        this.displays = displays;
    }

    public LocalVideoSource synthetic(MediaSettings settings) {
        return new PushedVideoSource(VideoSourceKind.SYNTHETIC, "Test pattern", picture(settings), settings.fps());
    }

    /**
     * The synthetic camera's picture for these settings (its look, size and the name it shows), prepared on its
     * first frame.
     */
    static FrameProducer picture(MediaSettings settings) {
        int width = settings.width();
        int height = settings.height();
        return new DeferredProducer(width, height, () -> settings.look() == SyntheticLook.CAMERA_LIKE
                ? new CameraLikeProducer(width, height)
                : new TestPatternProducer(width, height, settings.displayName()));
    }

    /**
     * The chosen (or default) camera; the synthetic pattern when there is none. A camera that was asked for
     * by name and is not there, or that fails to start or stops later (it then sends the pattern itself), is
     * told to {@code problems} as a sentence for the user. No camera at all is normal: a machine without one
     * calls with the pattern.
     */
    public LocalVideoSource cameraOrFallback(MediaSettings settings, Consumer<String> problems) {
        Optional<VideoDevice> device = devices.camera(settings.cameraId());
        if (device.isEmpty()) {
            LOG.info("No camera {}found; sending the test pattern instead",
                    settings.cameraId() == null ? "" : settings.cameraId() + " ");
            if (settings.cameraId() != null) {
                problems.accept("The chosen camera is not connected. " + PATTERN_INSTEAD);
            }
            return synthetic(settings);
        }
        return CameraVideoSource.start(device.get(), settings.width(), settings.height(), settings.fps(),
                picture(settings), problems);
    }

    public LocalVideoSource screen(DisplayInfo display) throws MediaUnavailableException {
        return displays.open(display, SCREEN_FPS, SCREEN_MAX_WIDTH, SCREEN_MAX_HEIGHT);
    }

    public DisplayCapturer displayCapturer() {
        return displays;
    }
}
