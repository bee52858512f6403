package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * At most {@code limit} actions per key (an address, an account) in a sliding window; keys in
 * {@code exempt} are never limited. In memory and per server (a restart forgets it), or shared by several
 * nodes in Redis.
 */
public final class RateLimit {
    private final WindowCounter counter;
    private final int limit;
    private final Set<String> exempt;

    public RateLimit(Clock clock, Duration window, int limit, Set<String> exempt) {
        this(WindowCounter.inMemory(clock).counter("unnamed", window), limit, exempt);
    }

    /** Counting in {@code counter}, e.g. one shared by several nodes. */
    public RateLimit(WindowCounter counter, int limit, Set<String> exempt) {
        this.counter = counter;
        this.limit = limit;
        this.exempt = Set.copyOf(exempt);
    }

    /** @return true, and counts the action, if the key is under its limit */
    public boolean tryAcquire(String key) {
        return exempt.contains(key) || counter.tryRecord(key, limit);
    }
}
