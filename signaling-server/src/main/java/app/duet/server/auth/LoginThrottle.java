package app.duet.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts failed logins per account and per address in a sliding window. Checked before bcrypt runs,
 * so a password-guessing flood costs the server almost nothing. In memory: a restart forgets it.
 */
public final class LoginThrottle {
    /** Above this many tracked keys, expired ones are purged before adding more. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    public synchronized boolean allows(String username, String address) {
        Instant now = clock.instant();
        return count("u:" + username, now) < perAccount && count("a:" + address, now) < perAddress;
    }

    public synchronized void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > PURGE_THRESHOLD) {
            failures.keySet().removeIf(key -> count(key, now) == 0);
        }
        failures.computeIfAbsent("u:" + username, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    /** A correct password clears the account's count (not the address's: one address may try many accounts). */
    public synchronized void recordSuccess(String username) {
        failures.remove("u:" + username);
    }

    private int count(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
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
