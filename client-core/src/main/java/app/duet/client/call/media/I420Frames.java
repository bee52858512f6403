package app.duet.client.call.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;

/**
 * A {@link FrameProducer}'s frames, one after another, converted from ARGB to I420 by libwebrtc: what a pushed
 * source sends and what {@link SyntheticVideoFile} writes, so both carry the same picture. Not thread-safe.
 */
final class I420Frames {

    private final FrameProducer producer;
    private final int[] argb;
    private final ByteBuffer argbBytes;
    private long frameNumber;

    I420Frames(FrameProducer producer) {
        this.producer = producer;
        this.argb = new int[producer.width() * producer.height()];
        this.argbBytes = ByteBuffer.allocateDirect(argb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Draws the next frame into a new buffer, which the caller owns and must release. */
    NativeI420Buffer next() throws Exception {
        producer.produce(argb, ++frameNumber);
        argbBytes.clear();
        argbBytes.asIntBuffer().put(argb);
        NativeI420Buffer i420 = NativeI420Buffer.allocate(producer.width(), producer.height());
        try {
            VideoBufferConverter.convertToI420(argbBytes, i420, FourCC.ARGB);
            return i420;
        } catch (Exception | Error e) {
            i420.release();
            throw e;
        }
    }
}
