package app.duet.client.call.media;

import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.call.video.ShownSize;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video track sink that converts every frame to ARGB on the WebRTC thread, always releases it (an
 * unreleased frame leaks native memory fast), and hands the pixels to a {@link LatestFrameHolder}. A frame
 * larger than the holder's consumer shows it is first scaled down in I420 by libyuv (native, 1.5 bytes a
 * pixel), so the ARGB conversion, the hand-over and the drawing all work on the shown size only.
 */
public final class TrackFrameConverter implements VideoTrackSink {

    private static final Logger LOG = LoggerFactory.getLogger(TrackFrameConverter.class);

    private final LatestFrameHolder holder;

    public TrackFrameConverter(LatestFrameHolder holder) {
        this.holder = holder;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        VideoFrameBuffer scaled = null;
        try {
            VideoFrameBuffer buffer = frame.buffer;
            int width = buffer.getWidth();
            int height = buffer.getHeight();
            long size = holder.sizeToConvert(width, height);
            int shownWidth = ShownSize.packedWidth(size);
            int shownHeight = ShownSize.packedHeight(size);
            if (shownWidth != width || shownHeight != height) {
                scaled = buffer.cropAndScale(0, 0, width, height, shownWidth, shownHeight);
            }
            VideoFrameBuffer converted = scaled != null ? scaled : buffer;
            holder.publish(shownWidth, shownHeight, target -> convert(converted, target));
        } catch (Throwable e) { // anything reaching native code would abort the JVM
            LOG.warn("Dropping a video frame that could not be converted", e);
        } finally {
            if (scaled != null) {
                scaled.release();
            }
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
