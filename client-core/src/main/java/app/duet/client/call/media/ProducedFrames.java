package app.duet.client.call.media;

import java.util.concurrent.TimeUnit;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;

/**
 * Pushes what a {@link FrameProducer} draws into a {@link CustomVideoSource} at a fixed rate, on a timer
 * thread of its own: ARGB pixels, converted to I420. Stopping it leaves the source to its owner.
 */
final class ProducedFrames {

    private final I420Frames frames;
    private final CustomVideoSource source;
    private final PeriodicPusher pusher;

    ProducedFrames(String name, FrameProducer producer, int fps, CustomVideoSource source) {
        this.frames = new I420Frames(producer);
        this.source = source;
        // One bad grab (e.g. a monitor unplugged) is logged and the next frame still comes.
        this.pusher = new PeriodicPusher("duet-video-" + name, name + " frames", 0, 1_000_000L / fps,
                TimeUnit.MICROSECONDS, this::pushNext);
    }

    private void pushNext() throws Exception {
        VideoFrame frame = new VideoFrame(frames.next(), System.nanoTime());
        try {
            source.pushFrame(frame);
        } finally {
            frame.release();
        }
    }

    /** Returns once no push is in flight. */
    void stop() {
        pusher.stop();
    }
}
