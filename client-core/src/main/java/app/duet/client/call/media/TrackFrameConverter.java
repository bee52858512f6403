package app.duet.client.call.media;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.LatestFrameHolder;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video track sink that converts every frame to ARGB on the WebRTC thread, always releases it (an
 * unreleased frame leaks native memory fast), and hands the pixels to a {@link LatestFrameHolder}.
 */
public final class TrackFrameConverter implements VideoTrackSink {

    private static final Logger LOG = LoggerFactory.getLogger(TrackFrameConverter.class);

    private final LatestFrameHolder holder;

    public TrackFrameConverter(LatestFrameHolder holder) {
        this.holder = holder;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        try {
            VideoFrameBuffer buffer = frame.buffer;
            holder.publish(buffer.getWidth(), buffer.getHeight(), target -> convert(buffer, target));
        } catch (Throwable e) { // anything reaching native code would abort the JVM
            LOG.warn("Dropping a video frame that could not be converted", e);
        } finally {
            frame.release();
        }
    }

    private static void convert(VideoFrameBuffer buffer, ArgbFrame target) {
        try {
            // libyuv's ARGB is B,G,R,A in memory: little-endian 0xAARRGGBB ints.
            VideoBufferConverter.convertFromI420(buffer, target.target(), FourCC.ARGB);
        } catch (Exception e) {
            throw new IllegalStateException("I420 to ARGB conversion failed", e);
        }
    }
}
