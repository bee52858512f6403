package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Events per key within the last {@code window}, in memory: a restart forgets them. Thread-safe. */
final class SlidingWindowCounter {
    /** Above this many tracked keys, keys without recent events are purged before adding more. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final Clock clock;
    private final Duration window;
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    SlidingWindowCounter(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    synchronized int count(String key) {
        return count(key, clock.instant());
    }

    synchronized void record(String key) {
        record(key, clock.instant());
    }

    /** Records an event at {@code at}, which is not before any event recorded for the key so far. */
    synchronized void record(String key, Instant at) {
        if (events.size() > PURGE_THRESHOLD) {
            events.keySet().removeIf(k -> count(k, at) == 0);
        }
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    /** Takes back one event recorded at {@code at}, if it is still in the window. */
    synchronized void remove(String key, Instant at) {
        Deque<Instant> times = events.get(key);
        if (times != null) {
            times.removeLastOccurrence(at);
        }
    }

    /** Records an event unless {@code limit} are in the window already; check and record are one step. */
    synchronized boolean tryRecord(String key, int limit) {
        if (count(key) >= limit) {
            return false;
        }
        record(key);
        return true;
    }

    synchronized void forget(String key) {
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
