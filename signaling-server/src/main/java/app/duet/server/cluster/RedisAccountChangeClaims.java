package app.duet.server.cluster;

import app.duet.server.channels.AccountChangeClaims;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account changes claimed by one node each: a key per change, set only if absent, holding the claiming node's
 * id. It outlives any node's catch-up after a pause (nodes poll every second), then Redis forgets it.
 */
public final class RedisAccountChangeClaims implements AccountChangeClaims {
    private static final Logger log = LoggerFactory.getLogger(RedisAccountChangeClaims.class);
    static final Duration HELD = Duration.ofDays(1);

    private final RedisLink redis;

    public RedisAccountChangeClaims(RedisLink redis) {
        this.redis = redis;
    }

    /** Redis away: claimed, so the members may be told twice rather than never. */
    @Override
    public boolean claim(long seq) {
        try {
            return "OK".equals(redis.sync().set(key(seq), redis.nodeId(), SetArgs.Builder.nx().px(HELD.toMillis())));
        } catch (RuntimeException e) {
            log.warn("cannot claim account change {}, telling its members from this node: {}", seq, e.toString());
            return true;
        }
    }

    static String key(long seq) {
        return RedisLink.KEY_PREFIX + "account-change:" + seq;
    }
}
