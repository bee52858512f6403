package app.duet.client.call.media;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Optional;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCapture;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoFrame;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Main of the camera helper process ({@code --camera-helper <descriptor> <width> <height> <fps> <socket>}):
 * starts one camera through libwebrtc's capture module and writes its frames ({@link CameraFrames}) to the
 * app's Unix-domain socket until its standard input closes.
 *
 * <p>Why a process of its own: libwebrtc M138's V4L2 module can abort the process that starts a camera
 * (a race check between {@code StartCapture} and the capture thread it spawns; docs/webrtc-findings.md).
 * Out here, that abort costs a restarted helper, not the user's call.
 */
public final class CameraHelper {

    public static final String FLAG = "--camera-helper";
    static final int EXIT_UNAVAILABLE = 3;
    static final int EXIT_USAGE = 2;

    private CameraHelper() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(CameraHelper.class);
        if (args.length != 5) {
            log.error("Usage: {} <device descriptor> <width> <height> <fps> <frame socket>", FLAG);
            System.exit(EXIT_USAGE);
        }
        DataOutputStream frames;
        try {
            frames = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(
                    SocketChannel.open(UnixDomainSocketAddress.of(args[4]))), 1 << 16));
        } catch (IOException e) {
            log.error("Cannot reach the app at {}", args[4], e);
            System.exit(EXIT_USAGE);
            return;
        }
        Optional<VideoDevice> device = MediaDevices.getVideoCaptureDevices().stream()
                .filter(d -> d.getDescriptor().equals(args[0]))
                .findFirst();
        if (device.isEmpty()) {
            log.warn("Camera {} is not connected", args[0]);
            System.exit(EXIT_UNAVAILABLE);
        }
        VideoCapture capture = new VideoCapture();
        try {
            capture.setVideoCaptureDevice(device.get());
            capture.setVideoCaptureCapability(new VideoCaptureCapability(
                    Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3])));
            capture.setVideoSink(new Sink(new CameraFrames.Writer(frames), log));
            capture.start();
        } catch (Error | RuntimeException e) { // the native layer reports a busy or vanished camera as an Error
            log.warn("Camera {} could not be started: {}", args[0], e.toString());
            System.exit(EXIT_UNAVAILABLE);
        }
        awaitEndOfInput(log);
        capture.stop();
        capture.dispose();
        System.exit(0);
    }

    /** The app closes our standard input to stop us, and so does its death. */
    private static void awaitEndOfInput(Logger log) {
        try {
            while (System.in.read() >= 0) {
                // nothing is sent on it
            }
        } catch (IOException e) {
            log.debug("Standard input failed; stopping", e);
        }
    }

    private static final class Sink implements dev.onvoid.webrtc.media.video.VideoTrackSink {
        private final CameraFrames.Writer writer;
        private final Logger log;

        Sink(CameraFrames.Writer writer, Logger log) {
            this.writer = writer;
            this.log = log;
        }

        @Override
        public void onVideoFrame(VideoFrame frame) {
            try {
                writer.write(frame.buffer);
            } catch (IOException e) {
                // The app no longer reads (it died, or gave up on us): nothing left to do.
                Runtime.getRuntime().halt(0);
            } catch (Exception e) {
                log.warn("Could not write a camera frame", e);
            } finally {
                frame.release();
            }
        }
    }
}
