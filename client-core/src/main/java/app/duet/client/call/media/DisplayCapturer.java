package app.duet.client.call.media;

import java.util.List;

/**
 * Captures monitors for screen sharing. The Linux implementation grabs with {@code java.awt.Robot}; the
 * library's own ScreenCapturer/WindowCapturer/VideoDesktopSource crash the JVM on Linux in webrtc-java
 * 0.14.0 and must not be used there. Other platforms may plug in the native capturers behind this interface.
 */
public interface DisplayCapturer {

    /** Monitors available now; empty when there is no display (headless). */
    List<DisplayInfo> displays();

    /** Starts capturing {@code display} at up to {@code fps}, scaled to fit within maxWidth x maxHeight. */
    LocalVideoSource open(DisplayInfo display, int fps, int maxWidth, int maxHeight) throws MediaUnavailableException;
}
