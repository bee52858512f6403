package app.duet.client.call.media;

import java.nio.ByteBuffer;
import java.util.Optional;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing video made of frames received elsewhere: attach it as a sink to any video track (the echo bot
 * plan attaches the far side's) and every frame that track delivers is sent on. Each frame is copied into a
 * buffer of our own, pushed, and the received frame released on the callback thread, as every sink must.
 */
public final class ForwardedVideoSource extends AbstractLocalVideoSource implements VideoTrackSink {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardedVideoSource.class);

    private final CustomVideoSource source;
    private final Object lock = new Object();
    private boolean closed; // guarded by lock: no push may reach the disposed native source
    private boolean failureLogged;

    public ForwardedVideoSource(String label) {
        this(label, new CustomVideoSource());
    }

    private ForwardedVideoSource(String label, CustomVideoSource source) {
        super(VideoSourceKind.FORWARDED, label, source);
        this.source = source;
    }

    @Override
    public Optional<VideoTrackSink> receivedVideoSink() {
        return Optional.of(this);
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        try {
            synchronized (lock) {
                if (!closed) {
                    push(frame);
                }
            }
        } catch (Throwable e) { // anything reaching native code would abort the JVM
            if (!failureLogged) {
                LOG.warn("Could not forward a video frame", e);
                failureLogged = true;
            }
        } finally {
            frame.release();
        }
    }

    private void push(VideoFrame received) {
        NativeI420Buffer copy = copyOf(received.buffer);
        VideoFrame frame = new VideoFrame(copy, received.rotation, System.nanoTime());
        try {
            source.pushFrame(frame);
        } finally {
            frame.release();
        }
    }

    private static NativeI420Buffer copyOf(VideoFrameBuffer buffer) {
        I420Buffer from = buffer.toI420();
        try {
            int width = from.getWidth();
            int height = from.getHeight();
            NativeI420Buffer to = NativeI420Buffer.allocate(width, height);
            copyPlane(from.getDataY(), from.getStrideY(), to.getDataY(), to.getStrideY(), width, height);
            int chromaWidth = (width + 1) / 2;
            int chromaHeight = (height + 1) / 2;
            copyPlane(from.getDataU(), from.getStrideU(), to.getDataU(), to.getStrideU(), chromaWidth, chromaHeight);
            copyPlane(from.getDataV(), from.getStrideV(), to.getDataV(), to.getStrideV(), chromaWidth, chromaHeight);
            return to;
        } finally {
            if (from != buffer) { // a converted copy is ours to release; the frame's own buffer is not
                from.release();
            }
        }
    }

    private static void copyPlane(ByteBuffer from, int fromStride, ByteBuffer to, int toStride, int width,
                                  int rows) {
        for (int row = 0; row < rows; row++) {
            ByteBuffer line = from.duplicate();
            line.position(row * fromStride).limit(row * fromStride + width);
            to.position(row * toStride);
            to.put(line);
        }
    }

    /** Waits for a push in flight, then disposes the native source; frames that still arrive are released. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        source.dispose();
    }
}
