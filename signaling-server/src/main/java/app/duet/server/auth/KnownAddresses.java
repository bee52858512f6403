package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys seen within the last {@code memory}, at most {@code max} of them (oldest dropped first). In memory. */
final class KnownAddresses implements KnownPairs {
    private final Clock clock;
    private final Duration memory;
    private final int max;
    /** In order of last addition: the oldest first. */
    private final LinkedHashMap<String, Instant> lastSeen = new LinkedHashMap<>();

    KnownAddresses(Clock clock, Duration memory, int max) {
        this.clock = clock;
        this.memory = memory;
        this.max = max;
    }

    @Override
    public synchronized void add(String key) {
        Instant now = clock.instant();
        lastSeen.remove(key);
        lastSeen.put(key, now);
        Instant oldest = now.minus(memory);
        Iterator<Map.Entry<String, Instant>> entries = lastSeen.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, Instant> e = entries.next();
            if (lastSeen.size() <= max && e.getValue().isAfter(oldest)) {
                break;
            }
            entries.remove();
        }
    }

    @Override
    public synchronized boolean contains(String key) {
        Instant seen = lastSeen.get(key);
        return seen != null && seen.isAfter(clock.instant().minus(memory));
    }
}
