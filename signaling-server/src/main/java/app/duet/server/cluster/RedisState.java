package app.duet.server.cluster;

import app.duet.server.channels.SharedState;
import app.duet.server.channels.SharedTransaction;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The calls' shared state in Redis: transactions on this node's transaction connection, and the call timers
 * as one sorted set ({@link #TIMERS}) scored by when each is due, which every node polls.
 */
public final class RedisState implements SharedState {
    static final String TIMERS = RedisLink.KEY_PREFIX + "timers";
    /** One hash: channel name to how many times a node changed it. */
    static final String CHANNEL_VERSIONS = RedisLink.KEY_PREFIX + "channel-versions";
    /**
     * Claims timer ARGV[1] if it is due at ARGV[2] by moving it to ARGV[3] (the end of the claimer's lease):
     * one node gets 1. The timer stays in the set until the claimer's transaction removes it, so a claimer
     * that dies leaves it to come due again.
     */
    private static final String CLAIM = """
            local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if due and tonumber(due) <= tonumber(ARGV[2]) then
              redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
              return 1
            end
            return 0""";

    private final RedisLink redis;
    private final ClusterRelay relay;

    public RedisState(RedisLink redis, ClusterRelay relay) {
        this.redis = redis;
        this.relay = relay;
    }

    @Override
    public SharedTransaction begin() {
        return new RedisTransaction(redis.transactions());
    }

    @Override
    public List<String> dueTimers(long nowMillis, int max) {
        return redis.sync().zrangebyscore(TIMERS, Range.create(Double.NEGATIVE_INFINITY, (double) nowMillis),
                Limit.create(0, max));
    }

    @Override
    public boolean claimTimer(String member, long nowMillis, long leaseUntilMillis) {
        Long claimed = redis.sync().eval(CLAIM, ScriptOutputType.INTEGER, new String[] {TIMERS}, member,
                Long.toString(nowMillis), Long.toString(leaseUntilMillis));
        return claimed == 1;
    }

    @Override
    public long size(String setKey) {
        return redis.sync().scard(setKey);
    }

    @Override
    public Set<String> members(String setKey) {
        return redis.sync().smembers(setKey);
    }

    @Override
    public Map<String, String> read(String hashKey) {
        return redis.sync().hgetall(hashKey);
    }

    @Override
    public CompletableFuture<Map<String, String>> readLater(String hashKey) {
        return redis.async().hgetall(hashKey).toCompletableFuture();
    }

    @Override
    public CompletableFuture<Sent> frameToSessionIf(String hashKey, Map<String, String> expected, String sessionId,
            String frame) {
        return relay.frameToSessionIf(hashKey, expected, sessionId, frame);
    }

    @Override
    public boolean sessionConnected(String sessionId, long nowMillis) {
        return redis.sync().zcount(Presence.sessionKey(sessionId),
                Range.create((double) nowMillis, Double.POSITIVE_INFINITY)) > 0;
    }

    @Override
    public long channelVersion(String channel) {
        String version = redis.sync().hget(CHANNEL_VERSIONS, channel);
        return version == null ? 0 : Long.parseLong(version);
    }

    @Override
    public Map<String, Long> channelVersions() {
        Map<String, Long> versions = new HashMap<>();
        redis.sync().hgetall(CHANNEL_VERSIONS).forEach((name, version) -> versions.put(name, Long.parseLong(version)));
        return versions;
    }

    /** Counts the change, then publishes it on the broadcast channel (each node reads the channel again). */
    @Override
    public CompletableFuture<Long> channelChanged(String channel) {
        return redis.async().hincrby(CHANNEL_VERSIONS, channel, 1).thenCompose(version ->
                redis.async().publish(RedisLink.BROADCAST, Inbox.channelChanged(channel)).thenApply(x -> version))
                .toCompletableFuture();
    }
}
