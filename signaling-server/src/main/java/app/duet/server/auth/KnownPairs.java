package app.duet.server.auth;

import java.time.Clock;

/**
 * The (account, address) pairs the login throttle treats as the owner's: in memory for one node
 * ({@link KnownAddresses}), in Redis when several nodes share them. Thread-safe.
 */
public interface KnownPairs {
    /** The pairs of a single node, forgotten at a restart. */
    static KnownPairs inMemory(Clock clock) {
        return new KnownAddresses(clock, LoginThrottle.KNOWN_ADDRESS_MEMORY, LoginThrottle.MAX_KNOWN_ADDRESSES);
    }

    /** The pair was used just now: it stays known for the memory of the implementation from now. */
    void add(String pair);

    boolean contains(String pair);
}
