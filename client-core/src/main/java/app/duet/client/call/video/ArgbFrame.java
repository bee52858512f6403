package app.duet.client.call.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * One decoded video frame as opaque 32-bit pixels. {@link #bytes()} is in B,G,R,A byte order (JavaFX
 * {@code PixelFormat.getByteBgraPreInstance()}); {@link #pixels()} views the same memory as 0xAARRGGBB ints
 * ({@code PixelFormat.getIntArgbPreInstance()}). Alpha is always 255, so premultiplied formats are exact.
 *
 * <p>Buffers are recycled by {@link LatestFrameHolder}: a consumer may read a frame until its next
 * {@link LatestFrameHolder#poll()}.
 */
public final class ArgbFrame {

    private final int width;
    private final int height;
    private final ByteBuffer bytes;
    private long sequence;
    private long receivedNanos;

    ArgbFrame(int width, int height) {
        this.width = width;
        this.height = height;
        this.bytes = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, B,G,R,A bytes, position 0, limit = width * height * 4. */
    public ByteBuffer bytes() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).clear();
    }

    /** The same pixels as 0xAARRGGBB ints. */
    public IntBuffer pixels() {
        return bytes().asIntBuffer();
    }

    /** A copy of the pixels as 0xAARRGGBB ints (for tests and stamps; the UI should draw {@link #pixels()}). */
    public int[] toIntArray() {
        int[] copy = new int[width * height];
        pixels().get(copy);
        return copy;
    }

    /** Number of this frame in its stream, counting from 1. */
    public long sequence() {
        return sequence;
    }

    /** {@link System#nanoTime()} when the frame was converted. */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** Producer side, inside {@link LatestFrameHolder#publish}: the cleared pixel bytes to convert into. */
    public ByteBuffer target() {
        return bytes.clear();
    }

    void stamp(long sequence, long receivedNanos) {
        this.sequence = sequence;
        this.receivedNanos = receivedNanos;
    }

    boolean fits(int w, int h) {
        return w == width && h == height;
    }
}
