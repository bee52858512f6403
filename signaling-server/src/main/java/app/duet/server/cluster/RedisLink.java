package app.duet.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's four connections to the shared Redis: one for commands and scripts, one subscribed to the
 * node's inbox and to the broadcast channel, one for the call transactions (WATCH and MULTI hold per
 * connection, so it is used by one decision at a time), and one for the presence refresh's bulk writes (so
 * the relays' scripts do not queue behind them). Lettuce reconnects them by itself (and subscribes again);
 * while Redis is away commands fail at once rather than queue, so nothing stale is delivered later.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    /** A command that takes longer fails: callers treat it like Redis being away. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final String KEY_PREFIX = "duet:";
    /** Every node subscribes to it: session revocations. */
    static final String BROADCAST = KEY_PREFIX + "all";

    private final String nodeId;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final StatefulRedisConnection<String, String> transactions;
    private final StatefulRedisConnection<String, String> upkeep;

    /** Connects, failing if Redis cannot be reached now (a wrong URL should stop the start). */
    public RedisLink(String url, String nodeId) {
        this.nodeId = nodeId;
        this.client = RedisClient.create(RedisURI.create(url));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        try {
            this.commands = client.connect();
            this.pubSub = client.connectPubSub();
            this.transactions = client.connect();
            this.upkeep = client.connect();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Cannot reach Redis at " + RedisURI.create(url).toURI().getHost()
                    + ": " + e.getMessage(), e);
        }
        log.info("node {} connected to Redis", nodeId);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The pub/sub channel a node reads its relayed events from. */
    static String inbox(String nodeId) {
        return KEY_PREFIX + "node:" + nodeId;
    }

    RedisCommands<String, String> sync() {
        return commands.sync();
    }

    RedisAsyncCommands<String, String> async() {
        return commands.async();
    }

    /** The connection for periodic bulk writes, apart from the relays'. */
    RedisAsyncCommands<String, String> upkeep() {
        return upkeep.async();
    }

    /** The connection for transactions: one user at a time. */
    RedisCommands<String, String> transactions() {
        return transactions.sync();
    }

    /** Subscribes to this node's inbox and the broadcast channel; {@code onMessage} gets (channel, message). */
    void subscribe(BiConsumer<String, String> onMessage) {
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                onMessage.accept(channel, message);
            }
        });
        pubSub.sync().subscribe(inbox(nodeId), BROADCAST);
    }

    /** Whether Redis answers now, for /healthz. */
    public boolean reachable() {
        try {
            return "PONG".equals(commands.sync().ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pubSub.close();
        transactions.close();
        upkeep.close();
        commands.close();
        client.shutdown();
    }
}
