package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Events per key within the last {@code window}, in memory: a restart forgets them. Thread-safe. */
final class SlidingWindowCounter implements WindowCounter {
    /** Above this many tracked keys, keys without recent events are purged before adding more. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final Clock clock;
    private final Duration window;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    SlidingWindowCounter(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    @Override
    public synchronized int count(String key) {
        return count(key, clock.instant());
    }

    private void record(String key) {
        record(key, clock.instant());
    }

    /** {@code at} is not before any event recorded for the key so far. */
    @Override
    public synchronized void record(String key, Instant at) {
        if (events.size() > PURGE_THRESHOLD) {
            events.keySet().removeIf(k -> count(k, at) == 0);
        }
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    @Override
    public synchronized void remove(String key, Instant at) {
        Deque<Instant> times = events.get(key);
        if (times != null) {
            times.removeLastOccurrence(at);
        }
    }

    @Override
    public synchronized boolean tryRecord(String key, int limit) {
        if (count(key) >= limit) {
            return false;
        }
        record(key);
        return true;
    }

    @Override
    public synchronized void forget(String key) {
        events.remove(key);
    }

    private int count(String key, Instant now) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
        return times.size();
    }
}
