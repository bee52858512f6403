package app.duet.client.call.video;

import java.util.OptionalLong;

/**
 * A machine-readable stamp drawn into synthetic video: the frame number (32 bits) and the capture time in
 * milliseconds (40 bits), each bit a large black or white block so it survives lossy encoding. The far side
 * decodes it from the ARGB pixels it renders, which lets benchmarks measure capture-to-render latency.
 *
 * <p>Layout: two rows of {@value #BLOCKS_PER_ROW} blocks along the top edge. Row 0: 32 frame-number bits,
 * then 8 check bits (xor of the four bytes and 0xA5). Row 1: 40 time bits.
 */
public final class FrameStamp {

    public static final int BLOCKS_PER_ROW = 40;
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLACK = 0xFF000000;
    private static final long TIME_MASK = (1L << 40) - 1;

    private FrameStamp() {
    }

    /** Height in pixels the stamp covers at the top of a frame of this width. */
    public static int stampHeight(int width) {
        return 2 * blockSize(width);
    }

    private static int blockSize(int width) {
        return Math.max(1, width / BLOCKS_PER_ROW);
    }

    public static void encode(int[] argb, int width, long frameNumber, long timeMillis) {
        int frame = (int) frameNumber;
        long row0 = (Integer.toUnsignedLong(frame) << 8) | check(frame);
        drawRow(argb, width, 0, row0);
        drawRow(argb, width, 1, timeMillis & TIME_MASK);
    }

    /** The decoded stamp, or empty when the check bits do not match (no stamp, or too damaged). */
    public static OptionalLong decodeFrameNumber(int[] argb, int width, int height) {
        if (height < stampHeight(width)) {
            return OptionalLong.empty();
        }
        long row0 = readRow(argb, width, 0);
        int frame = (int) (row0 >>> 8);
        if ((row0 & 0xFF) != check(frame)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Integer.toUnsignedLong(frame));
    }

    /** The 40 low bits of the capture time; compare with {@link #timeBits(long)} of the render time. */
    public static long decodeTimeBits(int[] argb, int width) {
        return readRow(argb, width, 1);
    }

    public static long timeBits(long timeMillis) {
        return timeMillis & TIME_MASK;
    }

    private static int check(int frame) {
        // The constant keeps all-black and all-white areas from passing as a stamp.
        return (frame ^ (frame >>> 8) ^ (frame >>> 16) ^ (frame >>> 24) ^ 0xA5) & 0xFF;
    }

    private static void drawRow(int[] argb, int width, int row, long bits) {
        int size = blockSize(width);
        for (int block = 0; block < BLOCKS_PER_ROW; block++) {
            boolean one = ((bits >>> (BLOCKS_PER_ROW - 1 - block)) & 1) == 1;
            int color = one ? WHITE : BLACK;
            for (int y = row * size; y < (row + 1) * size; y++) {
                int start = y * width + block * size;
                java.util.Arrays.fill(argb, start, start + size, color);
            }
        }
    }

    private static long readRow(int[] argb, int width, int row) {
        int size = blockSize(width);
        long bits = 0;
        for (int block = 0; block < BLOCKS_PER_ROW; block++) {
            int center = (row * size + size / 2) * width + block * size + size / 2;
            bits = (bits << 1) | (luma(argb[center]) > 128 ? 1 : 0);
        }
        return bits;
    }

    private static int luma(int argb) {
        int r = (argb >>> 16) & 0xFF;
        int g = (argb >>> 8) & 0xFF;
        int b = argb & 0xFF;
        return (r * 299 + g * 587 + b * 114) / 1000;
    }
}
