package app.duet.server.cluster;

import app.duet.server.auth.WindowCounter;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sliding window shared by every node: one sorted set per key, each event a member scored by its time
 * (ms). The key expires a window after its last event, so idle keys cost nothing. If Redis cannot be
 * reached the command fails and the request with it (a limit that cannot be checked is not waived).
 */
public final class RedisWindowCounter implements WindowCounter {
    /**
     * Drops the events that left the window, then adds one unless ARGV[3] are left; 1 if added. The check
     * and the add are one step for all nodes, so concurrent attempts cannot overrun the limit.
     */
    private static final String TRY_RECORD = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""";
    /** Removes one member scored exactly ARGV[1], if there is one. */
    private static final String REMOVE_ONE = """
            local found = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
            if #found > 0 then redis.call('ZREM', KEYS[1], found[1]) end
            return #found""";

    private final RedisLink redis;
    private final Clock clock;
    private final String prefix;
    private final long windowMillis;
    /** Makes members unique: two events of one key in the same millisecond are two events. */
    private final AtomicLong sequence = new AtomicLong();

    RedisWindowCounter(RedisLink redis, Clock clock, String name, Duration window) {
        this.redis = redis;
        this.clock = clock;
        this.prefix = RedisLink.KEY_PREFIX + "window:" + name + ":";
        this.windowMillis = window.toMillis();
    }

    /** The counters of a node among several. */
    public static WindowCounter.Factory factory(RedisLink redis, Clock clock) {
        return (name, window) -> new RedisWindowCounter(redis, clock, name, window);
    }

    @Override
    public int count(String key) {
        long now = clock.millis();
        return redis.sync().zcount(prefix + key,
                Range.from(Range.Boundary.excluding((double) (now - windowMillis)), Range.Boundary.unbounded())).intValue();
    }

    @Override
    public void record(String key, Instant at) {
        redis.sync().zadd(prefix + key, (double) at.toEpochMilli(), member(at.toEpochMilli()));
        redis.sync().pexpire(prefix + key, windowMillis);
    }

    @Override
    public void remove(String key, Instant at) {
        redis.sync().eval(REMOVE_ONE, ScriptOutputType.INTEGER, new String[] {prefix + key},
                Long.toString(at.toEpochMilli()));
    }

    @Override
    public boolean tryRecord(String key, int limit) {
        long now = clock.millis();
        Long added = redis.sync().eval(TRY_RECORD, ScriptOutputType.INTEGER, new String[] {prefix + key},
                Long.toString(now), Long.toString(windowMillis), Integer.toString(limit), member(now));
        return added == 1;
    }

    @Override
    public void forget(String key) {
        redis.sync().del(prefix + key);
    }

    private String member(long millis) {
        return millis + ":" + redis.nodeId() + ":" + sequence.incrementAndGet();
    }
}
