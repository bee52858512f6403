package app.duet.client.call.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;

/**
 * Writes the synthetic camera's picture (the settings' look, size and rate) to a YUV4MPEG2 file, frame for
 * frame what the synthetic camera sends, so another client can send the very same picture: the benchmarks
 * give it to Chromium as its fake camera. libwebrtc's native library must be loaded (a {@link MediaEngine}
 * started), as it converts the frames.
 */
public final class SyntheticVideoFile {

    private SyntheticVideoFile() {
    }

    /** Writes {@code frames} frames (4:2:0, progressive) to {@code file}, replacing it. */
    public static void writeY4m(MediaSettings settings, int frames, Path file) throws IOException {
        int width = settings.width();
        int height = settings.height();
        I420Frames drawn = new I420Frames(VideoSources.picture(settings));
        byte[] frameMarker = "FRAME\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(String.format(Locale.ROOT, "YUV4MPEG2 W%d H%d F%d:1 Ip A1:1 C420jpeg\n", width, height,
                    settings.fps()).getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[width];
            for (int i = 0; i < frames; i++) {
                NativeI420Buffer frame = next(drawn);
                try {
                    out.write(frameMarker);
                    writePlane(out, frame.getDataY(), frame.getStrideY(), width, height, row);
                    writePlane(out, frame.getDataU(), frame.getStrideU(), (width + 1) / 2, (height + 1) / 2, row);
                    writePlane(out, frame.getDataV(), frame.getStrideV(), (width + 1) / 2, (height + 1) / 2, row);
                } finally {
                    frame.release();
                }
            }
        }
    }

    private static NativeI420Buffer next(I420Frames drawn) throws IOException {
        try {
            return drawn.next();
        } catch (Exception e) {
            throw new IOException("libwebrtc could not convert a frame of the synthetic picture", e);
        }
    }

    /** A plane's rows without the stride's padding. */
    private static void writePlane(OutputStream out, ByteBuffer plane, int stride, int width, int height, byte[] row)
            throws IOException {
        for (int y = 0; y < height; y++) {
            plane.get(y * stride, row, 0, width);
            out.write(row, 0, width);
        }
    }
}
