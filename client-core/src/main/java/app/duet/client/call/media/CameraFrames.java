package app.duet.client.call.media;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;

/**
 * The camera helper's frames on its standard output: per frame a header (magic, width, height, as
 * big-endian ints) and the packed I420 pixels. The magic makes anything else written to that stream
 * (a stray native log line) a detected error rather than garbled pictures.
 */
final class CameraFrames {

    static final int MAGIC = 0x44554331; // "DUC1"
    static final int MAX_SIDE = 8192;

    private CameraFrames() {
    }

    static int i420Size(int width, int height) {
        int chroma = ((width + 1) / 2) * ((height + 1) / 2);
        return width * height + 2 * chroma;
    }

    /** Writes frames as they come from the capture module (on its thread). */
    static final class Writer {
        private final DataOutputStream out;
        private byte[] pixels = new byte[0];

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(VideoFrameBuffer frame) throws Exception {
            int width = frame.getWidth();
            int height = frame.getHeight();
            int size = i420Size(width, height);
            if (pixels.length != size) {
                pixels = new byte[size];
            }
            VideoBufferConverter.convertFromI420(frame, pixels, FourCC.I420);
            out.writeInt(MAGIC);
            out.writeInt(width);
            out.writeInt(height);
            out.write(pixels);
            out.flush();
        }
    }

    /** Reads frames on the app's side into native buffers for a {@code CustomVideoSource}. */
    static final class Reader {
        private final DataInputStream in;
        private byte[] pixels = new byte[0];

        Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next frame in a new native buffer the caller releases; throws {@link EOFException} at the end. */
        NativeI420Buffer next() throws Exception {
            int magic = in.readInt();
            int width = in.readInt();
            int height = in.readInt();
            if (magic != MAGIC || width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                throw new IOException("Not a camera frame: magic " + Integer.toHexString(magic) + ", " + width + "x" + height);
            }
            int size = i420Size(width, height);
            if (pixels.length != size) {
                pixels = new byte[size];
            }
            in.readFully(pixels);
            NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
            try {
                VideoBufferConverter.convertToI420(pixels, buffer, FourCC.I420);
            } catch (Exception e) {
                buffer.release();
                throw e;
            }
            return buffer;
        }
    }
}
