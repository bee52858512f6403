package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * At most {@code limit} actions per key (an address, an account) in a sliding window; keys in
 * {@code exempt} are never limited. In memory and per server: a restart forgets it.
 */
public final class RateLimit {
    private final SlidingWindowCounter counter;
    private final int limit;
    private final Set<String> exempt;

    public RateLimit(Clock clock, Duration window, int limit, Set<String> exempt) {
        this.counter = new SlidingWindowCounter(clock, window);
        this.limit = limit;
        this.exempt = Set.copyOf(exempt);
    }

    /** @return true, and counts the action, if the key is under its limit */
    public boolean tryAcquire(String key) {
        return exempt.contains(key) || counter.tryRecord(key, limit);
    }
}
