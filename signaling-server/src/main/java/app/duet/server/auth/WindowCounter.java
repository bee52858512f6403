package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Events per key within a sliding window: in memory for one node ({@link SlidingWindowCounter}), in Redis
 * when several nodes share the limits (so N nodes do not allow N times the limit). Thread-safe.
 */
public interface WindowCounter {
    int count(String key);

    /** Records an event at {@code at}. */
    void record(String key, Instant at);

    /** Takes back one event recorded at {@code at}, if it is still in the window. */
    void remove(String key, Instant at);

    /** Records an event unless {@code limit} are in the window already; check and record are one step. */
    boolean tryRecord(String key, int limit);

    void forget(String key);

    /** The counters of a single node. */
    static Factory inMemory(Clock clock) {
        return (name, window) -> new SlidingWindowCounter(clock, window);
    }

    /** Makes the counters of a server: {@code name} tells one limit's keys from another's. */
    interface Factory {
        WindowCounter counter(String name, Duration window);
    }
}
