package app.duet.server.cluster;

import app.duet.server.channels.SharedTransaction;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One optimistic Redis transaction: reads are WATCHed and sent at once; writes are kept here and sent between
 * MULTI and EXEC, which Redis runs only if no watched key changed since it was watched.
 */
final class RedisTransaction implements SharedTransaction {
    private static final Logger log = LoggerFactory.getLogger(RedisTransaction.class);

    private final RedisCommands<String, String> redis;
    private final List<Consumer<RedisCommands<String, String>>> writes = new ArrayList<>();

    RedisTransaction(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    @Override
    public String get(String key) {
        redis.watch(key);
        return redis.get(key);
    }

    @Override
    public Map<String, String> hash(String key) {
        redis.watch(key);
        return redis.hgetall(key);
    }

    @Override
    public void set(String key, String value) {
        writes.add(r -> r.set(key, value));
    }

    @Override
    public void putHash(String key, Map<String, String> fields) {
        writes.add(r -> r.del(key));
        writes.add(r -> r.hset(key, fields));
    }

    @Override
    public void delete(String key) {
        writes.add(r -> r.del(key));
    }

    @Override
    public void addToSet(String key, String member) {
        writes.add(r -> r.sadd(key, member));
    }

    @Override
    public void removeFromSet(String key, String member) {
        writes.add(r -> r.srem(key, member));
    }

    @Override
    public void schedule(String timer, long dueMillis) {
        writes.add(r -> r.zadd(RedisState.TIMERS, (double) dueMillis, timer));
    }

    @Override
    public void unschedule(String timer) {
        writes.add(r -> r.zrem(RedisState.TIMERS, timer));
    }

    @Override
    public boolean commit() {
        redis.multi();
        try {
            writes.forEach(w -> w.accept(redis));
            return !redis.exec().wasDiscarded();
        } catch (RedisException e) {
            discard();
            throw e;
        }
    }

    @Override
    public void abandon() {
        redis.unwatch();
    }

    /** After a failure inside MULTI: leaves the connection ready for the next transaction. */
    private void discard() {
        try {
            redis.discard();
        } catch (RedisException e) {
            log.debug("DISCARD after a failed transaction: {} (the connection starts afresh when it reconnects)",
                    e.toString());
        }
    }
}
