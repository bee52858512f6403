package app.duet.server.channels;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The state that several nodes share (Redis, in the cluster package): optimistic transactions for the call
 * rules, the sorted set of call timers, and a change counter per channel. Implementations fail with a runtime exception when the
 * shared store cannot be reached.
 */
public interface SharedState {
    /** Opens a transaction; only one at a time per node (the registry's lock sees to it). */
    SharedTransaction begin();

    /** Members of the timer set due at {@code nowMillis}, at most {@code max}, soonest first. */
    List<String> dueTimers(long nowMillis, int max);

    /**
     * Claims a due timer: true for one caller only. The claim is a lease: if the claimer dies before its
     * transaction removes the timer, the timer comes due again at {@code leaseUntilMillis} on another node.
     */
    boolean claimTimer(String member, long nowMillis, long leaseUntilMillis);

    /** The number of members of a set. */
    long size(String setKey);

    /** The members of a set, outside any transaction. */
    Set<String> members(String setKey);

    /** A hash's fields (empty if none), outside any transaction. */
    Map<String, String> read(String hashKey);

    /** A hash's fields (empty if none), outside any transaction, without waiting for them. */
    CompletableFuture<Map<String, String>> readLater(String hashKey);

    /** What {@link #frameToSessionIf} did. */
    enum Sent { DELIVERED, NOBODY_THERE, HASH_CHANGED }

    /**
     * Hands an encoded event frame to the connections of session {@code sessionId}, on this node and the others
     * that hold it, only if the hash {@code hashKey} still has the field values {@code expected}: compared and
     * sent in one step, without a transaction. Frames sent one after the other from one thread go out in order.
     */
    CompletableFuture<Sent> frameToSessionIf(String hashKey, Map<String, String> expected, String sessionId,
            String frame);

    /** Whether some node holds a connection of the session now (its presence, see the cluster package). */
    boolean sessionConnected(String sessionId, long nowMillis);

    /** How many times the channel was changed (0 if never): its counter in Redis. */
    long channelVersion(String channel);

    /** Every channel's counter (channels never changed are absent). */
    Map<String, Long> channelVersions();

    /**
     * Counts a change of the channel, already in the database, and tells every node; completes with the new
     * count.
     */
    CompletableFuture<Long> channelChanged(String channel);
}
