package app.duet.server.transport;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A connection's rate limit and the flood rule on top of it. Frames over the rate are refused; a client
 * that goes on sending into refusals is flooding. The refusal count only resets once the client has had
 * no refusal for {@link #FORGIVE_AFTER}: a token that refills in the middle of a flood does not reset it,
 * so whether a flood is cut off does not depend on how fast a (loaded) server works through it.
 */
final class FloodGuard {
    static final Duration FORGIVE_AFTER = Duration.ofSeconds(5);

    private final TokenBucket bucket;
    private final LongSupplier nanoTime;
    private int refused;
    private long lastRefusal;

    FloodGuard(TokenBucket bucket, LongSupplier nanoTime) {
        this.bucket = bucket;
        this.nanoTime = nanoTime;
    }

    /** 0 when the frame is within the rate, else how many frames this flood has had refused so far. */
    synchronized int admit() {
        long now = nanoTime.getAsLong();
        if (bucket.tryTake()) {
            if (refused > 0 && now - lastRefusal >= FORGIVE_AFTER.toNanos()) {
                refused = 0;
            }
            return 0;
        }
        lastRefusal = now;
        return ++refused;
    }
}
