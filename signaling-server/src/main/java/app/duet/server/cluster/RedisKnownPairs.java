package app.duet.server.cluster;

import app.duet.server.auth.KnownPairs;
import io.lettuce.core.SetArgs;
import java.time.Duration;

/**
 * Known (account, address) pairs shared by the nodes: one key per pair that expires {@code memory} after
 * the pair was last used, so the owner is recognised on every node and Redis forgets old pairs itself.
 */
public final class RedisKnownPairs implements KnownPairs {
    private final RedisLink redis;
    private final long memoryMillis;

    public RedisKnownPairs(RedisLink redis, Duration memory) {
        this.redis = redis;
        this.memoryMillis = memory.toMillis();
    }

    @Override
    public void add(String pair) {
        redis.sync().set(key(pair), "1", SetArgs.Builder.px(memoryMillis));
    }

    @Override
    public boolean contains(String pair) {
        return redis.sync().exists(key(pair)) > 0;
    }

    private static String key(String pair) {
        return RedisLink.KEY_PREFIX + "known:" + pair;
    }
}
