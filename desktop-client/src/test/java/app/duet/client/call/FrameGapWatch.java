package app.duet.client.call;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.video.LatestFrameHolder;

/**
 * Watches a received picture and keeps the longest stretch without a new frame, sampled every
 * {@value #SAMPLE_MILLIS} ms: how long the far side's video stopped while something happened to the servers.
 * A figure to log (and to compare with the bench), not one to assert a time on.
 */
final class FrameGapWatch implements AutoCloseable {

    static final long SAMPLE_MILLIS = 10;

    private final LatestFrameHolder picture;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "frame-gap-watch"));
    private long lastCount;
    private long lastNewFrame;
    private long longest;

    FrameGapWatch(LatestFrameHolder picture) {
        this.picture = picture;
        synchronized (this) {
            lastCount = picture.publishedFrames();
            lastNewFrame = System.nanoTime();
        }
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The longest time without a new frame so far, counting the stretch still going on. */
    synchronized Duration longestGap() {
        return Duration.ofNanos(Math.max(longest, System.nanoTime() - lastNewFrame));
    }

    private synchronized void sample() {
        long count = picture.publishedFrames();
        long now = System.nanoTime();
        if (count != lastCount) {
            longest = Math.max(longest, now - lastNewFrame);
            lastCount = count;
            lastNewFrame = now;
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
