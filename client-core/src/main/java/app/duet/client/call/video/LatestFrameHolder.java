package app.duet.client.call.video;

import java.util.function.Consumer;

/**
 * The one hand-over point between the WebRTC thread that converts frames and the consumer (the UI) that
 * draws them. It keeps only the newest frame: a frame that arrives while the previous one is still unread
 * replaces it (counted as dropped), so a slow consumer never builds a queue.
 *
 * <p>Three buffers rotate: one being written, one pending, one held by the consumer since its last
 * {@link #poll()}; a slow consumer makes the producer overwrite the unread frame instead of allocating.
 *
 * <p>The ready listener runs on the producer thread when a frame is published, at most once between two
 * polls, so a UI posts one redraw (e.g. {@code Platform.runLater}) per drawn frame. Every poll re-arms it,
 * also one that found nothing (it may race a frame being written), and so does setting a listener: a
 * consumer that polls whenever it is told never misses a frame.
 *
 * <p>The consumer may say the size it shows frames at ({@link #showAt}); the producer then converts larger
 * frames scaled down to it, so nothing bigger than the screen shows is converted, copied or drawn.
 */
public final class LatestFrameHolder {

    private ArgbFrame pending;
    private ArgbFrame held;
    private ArgbFrame spare;
    private long published;
    private long dropped;
    private boolean notified;
    private volatile Runnable readyListener = () -> { };
    private volatile ShownSize shownSize = ShownSize.ANY;

    /** The listener hears of the next frame published, whether or not earlier frames were polled. */
    public synchronized void setReadyListener(Runnable listener) {
        this.readyListener = listener == null ? () -> { } : listener;
        notified = false;
    }

    /** Consumer side: the size frames are shown at, in screen pixels; {@link ShownSize#ANY} when not shown. */
    public void showAt(ShownSize size) {
        shownSize = size;
    }

    /** Producer side: the size to convert a frame of this size to (see {@link ShownSize#fit}), packed. */
    public long sizeToConvert(int frameWidth, int frameHeight) {
        return shownSize.fit(frameWidth, frameHeight);
    }

    /** Consumer side: the newest unread frame, or null. The frame stays valid until the next poll. */
    public synchronized ArgbFrame poll() {
        notified = false;
        if (pending == null) {
            return null;
        }
        if (held != null) {
            spare = held;
        }
        held = pending;
        pending = null;
        return held;
    }

    public synchronized long publishedFrames() {
        return published;
    }

    public synchronized long droppedFrames() {
        return dropped;
    }

    /** Producer side: fills a free buffer of the given size and publishes it. */
    public void publish(int width, int height, Consumer<ArgbFrame> fill) {
        ArgbFrame frame = takeFree(width, height);
        fill.accept(frame);
        boolean notify;
        synchronized (this) {
            published++;
            frame.stamp(published, System.nanoTime());
            if (pending != null) {
                dropped++;
                spare = pending;
            }
            pending = frame;
            notify = !notified;
            notified = true;
        }
        if (notify) {
            readyListener.run();
        }
    }

    private synchronized ArgbFrame takeFree(int width, int height) {
        ArgbFrame free = spare;
        spare = null;
        if (free == null && pending != null) { // consumer behind: overwrite the unread frame, never allocate
            free = pending;
            pending = null;
            dropped++;
        }
        if (free == null || !free.fits(width, height)) {
            free = new ArgbFrame(width, height);
        }
        return free;
    }
}
