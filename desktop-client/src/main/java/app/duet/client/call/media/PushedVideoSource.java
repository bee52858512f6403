package app.duet.client.call.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.threads.DaemonThreads;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video pushed from Java at a fixed rate: a {@link FrameProducer} draws ARGB pixels on a dedicated timer
 * thread, they are converted to I420 and pushed into a {@link CustomVideoSource}.
 */
final class PushedVideoSource implements LocalVideoSource {

    private static final Logger LOG = LoggerFactory.getLogger(PushedVideoSource.class);

    private final VideoSourceKind kind;
    private final String label;
    private final FrameProducer producer;
    private final CustomVideoSource source = new CustomVideoSource();
    private final ScheduledExecutorService timer;
    private final int[] argb;
    private final ByteBuffer argbBytes;
    private long frameNumber;
    private boolean failureLogged;

    PushedVideoSource(VideoSourceKind kind, String label, FrameProducer producer, int fps) {
        this.kind = kind;
        this.label = label;
        this.producer = producer;
        this.argb = new int[producer.width() * producer.height()];
        this.argbBytes = ByteBuffer.allocateDirect(argb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("duet-video-" + kind.name().toLowerCase(Locale.ROOT)));
        timer.scheduleAtFixedRate(this::pushNext, 0, 1_000_000L / fps, TimeUnit.MICROSECONDS);
    }

    private void pushNext() {
        try {
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
        } catch (Exception e) {
            // Keep the timer alive: one bad grab (e.g. a monitor unplugged) must not end the stream silently.
            if (!failureLogged) {
                LOG.warn("Could not push a {} frame", kind, e);
                failureLogged = true;
            }
        }
    }

    @Override
    public VideoSourceKind kind() {
        return kind;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public VideoTrackSource trackSource() {
        return source;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("{} frame pusher did not stop in time", kind);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.dispose();
    }

    @Override
    public String toString() {
        return "PushedVideoSource[" + label + "]";
    }
}
