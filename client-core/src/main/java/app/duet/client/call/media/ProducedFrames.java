package app.duet.client.call.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;

/**
 * Pushes what a {@link FrameProducer} draws into a {@link CustomVideoSource} at a fixed rate, on a timer
 * thread of its own: ARGB pixels, converted to I420. Stopping it leaves the source to its owner.
 */
final class ProducedFrames {

    private final FrameProducer producer;
    private final CustomVideoSource source;
    private final int[] argb;
    private final ByteBuffer argbBytes;
    private final PeriodicPusher pusher;
    private long frameNumber;

    ProducedFrames(String name, FrameProducer producer, int fps, CustomVideoSource source) {
        this.producer = producer;
        this.source = source;
        this.argb = new int[producer.width() * producer.height()];
        this.argbBytes = ByteBuffer.allocateDirect(argb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        // One bad grab (e.g. a monitor unplugged) is logged and the next frame still comes.
        this.pusher = new PeriodicPusher("duet-video-" + name, name + " frames", 0, 1_000_000L / fps,
                TimeUnit.MICROSECONDS, this::pushNext);
    }

    private void pushNext() throws Exception {
        producer.produce(argb, ++frameNumber);
        argbBytes.clear();
        argbBytes.asIntBuffer().put(argb);
        NativeI420Buffer i420 = NativeI420Buffer.allocate(producer.width(), producer.height());
        VideoFrame frame = new VideoFrame(i420, System.nanoTime());
        try {
            VideoBufferConverter.convertToI420(argbBytes, i420, FourCC.ARGB);
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
