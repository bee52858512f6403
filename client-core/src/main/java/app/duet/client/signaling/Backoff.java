package app.duet.client.signaling;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "full jitter": attempt n waits a random time in [base*2^n / 2, base*2^n],
 * capped. Half the delay is kept fixed so that a restarted server is not hammered by clients that drew
 * zero, and the random half spreads thousands of clients that lost the same server at the same moment.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** Delay before retry number {@code attempt} (0 = first retry). */
    public Duration delay(int attempt) {
        long baseMs = base.toMillis();
        int shift = Math.min(Math.max(attempt, 0), 30);
        long ceiling = Math.min(max.toMillis(), baseMs << shift);
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
