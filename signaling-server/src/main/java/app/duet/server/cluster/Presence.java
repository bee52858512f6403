package app.duet.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes hold a user's or a session's connections: one sorted set per user and per session, node id
 * scored by when the entry expires. Entries are added when a connection authenticates, removed when the
 * last one goes, and re-dated every {@link #REFRESH} for everything still connected, so a node that dies
 * without a word drops out after {@link #TTL}: its users go offline by themselves.
 * Writes are asynchronous (called from connection threads); reads ask Redis.
 */
public final class Presence implements LocalConnections.Listener {
    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    public static final Duration REFRESH = Duration.ofSeconds(5);
    /** Three refreshes: one lost refresh (a slow tick, a Redis blip) does not take anyone offline. */
    static final Duration TTL = REFRESH.multipliedBy(3);

    private final RedisLink redis;
    private final Clock clock;
    private final Supplier<Collection<String>> localUsers;
    private final Supplier<Collection<String>> localSessions;

    Presence(RedisLink redis, Clock clock, Supplier<Collection<String>> localUsers,
             Supplier<Collection<String>> localSessions) {
        this.redis = redis;
        this.clock = clock;
        this.localUsers = localUsers;
        this.localSessions = localSessions;
    }

    static String userKey(String username) {
        return RedisLink.KEY_PREFIX + "user:" + username;
    }

    static String sessionKey(String sessionId) {
        return RedisLink.KEY_PREFIX + "session:" + sessionId;
    }

    @Override
    public void bound(String username, String sessionId) {
        // Session first: whoever sees the user online (same connection, in order) can reach the session.
        here(sessionKey(sessionId));
        here(userKey(username));
    }

    @Override
    public void unbound(String username, String sessionId, boolean lastOfSession, boolean lastOfUser) {
        if (lastOfSession) {
            warnOnFailure(redis.async().zrem(sessionKey(sessionId), redis.nodeId()));
        }
        if (lastOfUser) {
            warnOnFailure(redis.async().zrem(userKey(username), redis.nodeId()));
        }
    }

    @Override
    public void revoked(Collection<String> sessionIds) {
        warnOnFailure(redis.async().publish(RedisLink.BROADCAST, Inbox.revocation(sessionIds)));
    }

    /** Whether some node (this one included) holds a connection of the user. */
    boolean onAnyNode(String username) {
        long now = clock.millis();
        return redis.sync().zcount(userKey(username), Range.create((double) now, Double.POSITIVE_INFINITY)) > 0;
    }

    /** Re-dates this node's entries; runs every {@link #REFRESH}. */
    public void refresh() {
        localUsers.get().forEach(u -> here(userKey(u)));
        localSessions.get().forEach(s -> here(sessionKey(s)));
    }

    private void here(String key) {
        long expires = clock.millis() + TTL.toMillis();
        warnOnFailure(redis.async().zadd(key, (double) expires, redis.nodeId()));
        warnOnFailure(redis.async().pexpire(key, TTL.toMillis()));
    }

    /** Redis away: the next refresh writes presence again, so this is logged, not retried. */
    private static void warnOnFailure(RedisFuture<?> future) {
        future.exceptionally(e -> {
            log.warn("presence write to Redis failed: {}", e.toString());
            return null;
        });
    }
}
