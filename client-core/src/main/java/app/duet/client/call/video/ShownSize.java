package app.duet.client.call.video;

/**
 * The size a video is shown at, in screen pixels; frames larger than it are scaled down to fit it before
 * they are converted for drawing. {@link #ANY} (nothing asked): frames are converted at the size they come.
 */
public record ShownSize(int width, int height) {

    public static final ShownSize ANY = new ShownSize(0, 0);

    public ShownSize {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a negative size: " + width + "x" + height);
        }
    }

    /**
     * The size to convert a {@code frameWidth} x {@code frameHeight} frame to: the largest that keeps its
     * aspect and fits this box, in even numbers (I420's chroma planes halve each side), never larger than the
     * frame itself (the renderer enlarges a small frame as cheaply as a converter would).
     */
    public long fit(int frameWidth, int frameHeight) {
        if (width == 0 || height == 0 || (frameWidth <= width && frameHeight <= height)) {
            return pack(frameWidth, frameHeight);
        }
        double scale = Math.min(width / (double) frameWidth, height / (double) frameHeight);
        int w = Math.max(2, (int) Math.round(frameWidth * scale) & ~1);
        int h = Math.max(2, (int) Math.round(frameHeight * scale) & ~1);
        return pack(w, h);
    }

    /** A width and height in one long, so the conversion per frame allocates nothing. */
    public static long pack(int width, int height) {
        return ((long) width << 32) | (height & 0xFFFFFFFFL);
    }

    public static int packedWidth(long packed) {
        return (int) (packed >>> 32);
    }

    public static int packedHeight(long packed) {
        return (int) packed;
    }
}
