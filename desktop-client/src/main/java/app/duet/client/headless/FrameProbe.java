package app.duet.client.headless;

import java.util.OptionalLong;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.call.video.LatestFrameHolder;

/**
 * Measures the far side's decoded video where the app would draw it: frames delivered, their rate, the
 * newest frame's size and whether its synthetic frame stamp survived (proof that real pictures arrive).
 * Used from one thread (the event thread).
 */
final class FrameProbe {

    /** One reading; {@code stamp} is the decoded frame number, or -1 when there was none. */
    record Sample(long frames, double fps, int width, int height, long stamp) {
    }

    private final LatestFrameHolder remote;
    private long baseFrames;
    private long lastFrames;
    private long lastNanos;
    private int lastWidth;
    private int lastHeight;

    FrameProbe(LatestFrameHolder remote) {
        this.remote = remote;
        restart();
    }

    /** Counts from zero again (a new call; the holder lives across calls). */
    void restart() {
        remote.poll(); // re-arms the holder's ready notification for the new call's first frame
        baseFrames = remote.publishedFrames();
        lastFrames = 0;
        lastNanos = System.nanoTime();
        lastWidth = 0;
        lastHeight = 0;
    }

    long framesSinceRestart() {
        return remote.publishedFrames() - baseFrames;
    }

    Sample sample() {
        long now = System.nanoTime();
        long frames = remote.publishedFrames() - baseFrames;
        double seconds = (now - lastNanos) / 1e9;
        double fps = seconds > 0 ? (frames - lastFrames) / seconds : 0;
        lastFrames = frames;
        lastNanos = now;
        long stamp = -1;
        ArgbFrame frame = remote.poll();
        if (frame != null) {
            lastWidth = frame.width();
            lastHeight = frame.height();
            OptionalLong decoded = FrameStamp.decodeFrameNumber(frame.toIntArray(), frame.width(), frame.height());
            stamp = decoded.orElse(-1);
        }
        return new Sample(frames, fps, lastWidth, lastHeight, stamp);
    }
}
