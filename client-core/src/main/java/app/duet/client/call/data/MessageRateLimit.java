package app.duet.client.call.data;

import java.util.function.LongSupplier;

/**
 * A token bucket for messages from the far side (chat lines): a burst is fine, a flood is dropped before it
 * reaches the UI. Used from the data thread only.
 */
final class MessageRateLimit {

    static final double PER_SECOND = 10;
    static final double BURST = 30;

    private final LongSupplier nanoClock;
    private double tokens = BURST;
    private long lastNanos;

    MessageRateLimit(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastNanos = nanoClock.getAsLong();
    }

    boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(BURST, tokens + (now - lastNanos) / 1e9 * PER_SECOND);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
