package app.duet.client.call.media;

import java.util.function.Supplier;

/**
 * A picture prepared on its first frame, on the thread that pushes frames, not when it is opened: a synthetic
 * picture's preparation (the camera-like scene, the pattern's fonts) took 130-480 ms on a loaded machine, and
 * the call's video is opened on the engine thread before the callee's accept goes out (docs/benchmarks.md,
 * session 11). Meanwhile the call negotiates, which takes longer.
 */
final class DeferredProducer implements FrameProducer {

    private final int width;
    private final int height;
    private final Supplier<FrameProducer> prepare;
    private volatile FrameProducer prepared; // a source's fallback may be pushed by a later thread

    /** {@code prepare} must give a producer of {@code width} x {@code height}. */
    DeferredProducer(int width, int height, Supplier<FrameProducer> prepare) {
        this.width = width;
        this.height = height;
        this.prepare = prepare;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void produce(int[] argb, long frameNumber) {
        FrameProducer producer = prepared;
        if (producer == null) {
            producer = prepare.get();
            if (producer.width() != width || producer.height() != height) {
                throw new IllegalStateException("Prepared a " + producer.width() + "x" + producer.height()
                        + " picture for " + width + "x" + height);
            }
            prepared = producer;
        }
        producer.produce(argb, frameNumber);
    }
}
