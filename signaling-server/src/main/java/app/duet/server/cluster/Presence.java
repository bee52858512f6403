package app.duet.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes hold a user's or a session's connections: one sorted set per user and per session, node id
 * scored by when the entry expires. Entries are added when a connection authenticates, removed when the
 * last one goes, and re-dated every {@link #REFRESH} for everything still connected, so a node that dies
 * without a word drops out after {@link #TTL}: its users go offline by themselves.
 * A user's entry is added and removed by one script each that also says whether the set was or became empty,
 * so of two nodes whose users come or go at once exactly one says the user came online or went offline.
 * Session writes are asynchronous (called from connection threads); the rest asks Redis.
 */
public final class Presence implements LocalConnections.Listener {
    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    public static final Duration REFRESH = Duration.ofSeconds(5);
    /**
     * Each entry is re-dated every {@link #REFRESH}, a tenth of them at each tick, by scripts of up to
     * {@link #KEYS_PER_SCRIPT} keys on a connection of their own: all of them at once, two commands each
     * (20,000 commands for 10,000 sockets), held up the relays behind them by 100-400 ms and cost the node
     * more CPU than its relays.
     */
    private static final int SLICES = 10;
    public static final Duration REFRESH_TICK = REFRESH.dividedBy(SLICES);
    private static final int KEYS_PER_SCRIPT = 200;
    /** Re-dates this node's entry (ARGV[2], expiring at ARGV[1]) in every set KEYS; ARGV[3]: the TTL in ms. */
    private static final String REDATE = """
            for _, key in ipairs(KEYS) do
              redis.call('ZADD', key, ARGV[1], ARGV[2])
              redis.call('PEXPIRE', key, ARGV[3])
            end
            return #KEYS""";
    /**
     * KEYS[1] a user's set, ARGV: now, expiry, node, TTL (ms). Adds the node; returns the other nodes' valid
     * entries (this node's own may be there already: {@link #refresh} re-dates every user connected here).
     */
    private static final String ARRIVE = """
            local others = 0
            for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf')) do
              if node ~= ARGV[3] then others = others + 1 end
            end
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return others""";
    /** KEYS[1] a user's set, ARGV: now, node. Removes the node; returns the valid entries left. */
    private static final String LEAVE = """
            redis.call('ZREM', KEYS[1], ARGV[2])
            return redis.call('ZCOUNT', KEYS[1], ARGV[1], '+inf')""";
    /** Three refreshes: one lost refresh (a slow tick, a Redis blip) does not take anyone offline. */
    static final Duration TTL = REFRESH.multipliedBy(3);

    private final RedisLink redis;
    private final Clock clock;
    private final Supplier<Collection<String>> localUsers;
    private final Supplier<Collection<String>> localSessions;
    private int tick;

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

    // A session is written before its user comes online ({@link #arrive}, on the same connection, so in order):
    // whoever sees the user online can reach the session.
    @Override
    public void sessionBound(String sessionId) {
        redate(redis.async(), sessionKey(sessionId));
    }

    @Override
    public void sessionGone(String sessionId) {
        warnOnFailure(redis.async().zrem(sessionKey(sessionId), redis.nodeId()));
    }

    /** The user's first connection here: true if no other node holds one. */
    boolean arrive(String username) {
        long now = clock.millis();
        Long before = redis.sync().eval(ARRIVE, ScriptOutputType.INTEGER, new String[] {userKey(username)},
                Long.toString(now), Long.toString(now + TTL.toMillis()), redis.nodeId(), Long.toString(TTL.toMillis()));
        return before == 0;
    }

    /** The user's last connection here went: true if no node holds one now. */
    boolean leave(String username) {
        Long left = redis.sync().eval(LEAVE, ScriptOutputType.INTEGER, new String[] {userKey(username)},
                Long.toString(clock.millis()), redis.nodeId());
        return left == 0;
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

    /** Re-dates a tenth of this node's entries; runs every {@link #REFRESH_TICK}, from one thread. */
    public void refresh() {
        int slice = tick++ % SLICES;
        List<String> keys = Stream.concat(localUsers.get().stream().map(Presence::userKey),
                        localSessions.get().stream().map(Presence::sessionKey))
                .filter(key -> Math.floorMod(key.hashCode(), SLICES) == slice).toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_SCRIPT) {
            redate(redis.upkeep(), keys.subList(from, Math.min(keys.size(), from + KEYS_PER_SCRIPT)).toArray(String[]::new));
        }
    }

    /** Re-dates this node's entry in each of the sets {@code keys}, in one script on {@code connection}. */
    private void redate(RedisAsyncCommands<String, String> connection, String... keys) {
        warnOnFailure(connection.eval(REDATE, ScriptOutputType.INTEGER, keys,
                Long.toString(clock.millis() + TTL.toMillis()), redis.nodeId(), Long.toString(TTL.toMillis())));
    }

    /** Redis away: the next refresh writes presence again, so this is logged, not retried. */
    private static void warnOnFailure(RedisFuture<?> future) {
        future.exceptionally(e -> {
            log.warn("presence write to Redis failed: {}", e.toString());
            return null;
        });
    }
}
