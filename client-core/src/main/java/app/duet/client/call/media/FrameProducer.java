package app.duet.client.call.media;

/** Draws one frame of pushed video (synthetic pattern, screen grab) as 0xAARRGGBB pixels. */
interface FrameProducer {

    int width();

    int height();

    /** Fills {@code argb} (length width * height) with the next frame. */
    void produce(int[] argb, long frameNumber);
}
