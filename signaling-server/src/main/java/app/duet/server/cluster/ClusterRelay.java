package app.duet.server.cluster;

import app.duet.protocol.Event;
import app.duet.protocol.ProtocolCodec;
import app.duet.server.channels.Relay;
import app.duet.server.channels.SharedState.Sent;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay of a node among several: this node's connections first, then, through Redis, the nodes that
 * {@link Presence} says hold the user or session, each over its pub/sub inbox. One Redis connection
 * carries every publish of this node and Redis keeps their order, so what one sender relays arrives in
 * the order sent; pub/sub delivers each message at most once, so it arrives exactly once or, while
 * Redis is away, not at all (the sender is told the peer is offline). See docs/decisions/0010.
 */
public final class ClusterRelay implements Relay {
    private static final Logger log = LoggerFactory.getLogger(ClusterRelay.class);
    /**
     * Publishes ARGV[3] to the inbox of every node but ARGV[2] whose entry in the presence set KEYS[1] is
     * still valid at ARGV[1] (ms); returns how many subscribers got it. Routing only: no call rules here.
     */
    private static final String ROUTE = """
            local got = 0
            for _, node in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf')) do
              if node ~= ARGV[2] then got = got + redis.call('PUBLISH', 'duet:node:' .. node, ARGV[3]) end
            end
            return got""";
    /**
     * {@link #ROUTE} (KEYS[1], ARGV[1..3]), if the hash KEYS[2] still holds the field/value pairs ARGV[4],
     * ARGV[5], ...; else nothing is sent and it returns -1.
     */
    private static final String ROUTE_IF_UNCHANGED = """
            for i = 4, #ARGV, 2 do
              if redis.call('HGET', KEYS[2], ARGV[i]) ~= ARGV[i + 1] then return -1 end
            end
            """ + ROUTE;

    private final LocalConnections local;
    private final RedisLink redis;
    private final Presence presence;
    private final ProtocolCodec codec;
    private final Clock clock;
    private final Inbox inbox;

    public ClusterRelay(LocalConnections local, RedisLink redis, ProtocolCodec codec, Clock clock) {
        this.local = local;
        this.redis = redis;
        this.codec = codec;
        this.clock = clock;
        this.presence = new Presence(redis, clock, local::users, local::sessions);
        this.inbox = new Inbox(local);
        redis.subscribe((channel, message) -> inbox.received(message));
    }

    /** Keeps this node's users and sessions in the shared presence; the connection registry calls it. */
    public Presence presence() {
        return presence;
    }

    /** {@code handler} gets the name of each channel another node changed (on Lettuce's thread: it must not block). */
    public void onChannelChanged(Consumer<String> handler) {
        inbox.onChannelChanged(handler);
    }

    @Override
    public void toUser(String username, Event event, String exceptConnectionId) {
        local.toUser(username, event, exceptConnectionId);
        route(Presence.userKey(username), Inbox.toUser(username, codec.encode(event))).exceptionally(e -> {
            log.warn("event for {} not relayed to other nodes: {}", username, e.toString());
            return 0L;
        });
    }

    @Override
    public boolean toSession(String sessionId, Event event) {
        return frameToSession(sessionId, codec.encode(event));
    }

    /**
     * This node's connections of the session if it has any, else the node that holds it: waits for Redis
     * (one round trip, at most {@link RedisLink#COMMAND_TIMEOUT}) to say whether anyone got it.
     */
    @Override
    public boolean frameToSession(String sessionId, String frame) {
        if (local.frameToSession(sessionId, frame)) {
            return true;
        }
        try {
            return route(Presence.sessionKey(sessionId), Inbox.toSession(sessionId, frame))
                    .get(RedisLink.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) > 0;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("relay to session on another node failed: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * As {@link #frameToSession}, but only if the hash still holds {@code expected} (see
     * {@link app.duet.server.channels.SharedState#frameToSessionIf}): one round trip to Redis, not waited for;
     * this node's own connections of the session get the frame once Redis has said the hash is unchanged.
     * Redis away: nobody got it, as with {@link #frameToSession}.
     */
    public CompletableFuture<Sent> frameToSessionIf(String hashKey, Map<String, String> expected, String sessionId,
            String frame) {
        List<String> args = new ArrayList<>(List.of(Long.toString(clock.millis()), redis.nodeId(),
                Inbox.toSession(sessionId, frame)));
        expected.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        RedisFuture<Long> routed = redis.async().eval(ROUTE_IF_UNCHANGED, ScriptOutputType.INTEGER,
                new String[] {Presence.sessionKey(sessionId), hashKey}, args.toArray(String[]::new));
        return routed.thenApply(got -> got < 0 ? Sent.HASH_CHANGED
                        : local.frameToSession(sessionId, frame) || got > 0 ? Sent.DELIVERED : Sent.NOBODY_THERE)
                .exceptionally(e -> {
                    log.warn("relay to session on another node failed: {}", e.toString());
                    return Sent.NOBODY_THERE;
                })
                .toCompletableFuture();
    }

    @Override
    public boolean isOnline(String username) {
        if (local.isOnline(username)) {
            return true;
        }
        try {
            return presence.onAnyNode(username);
        } catch (RuntimeException e) {
            log.warn("presence of {} unknown, Redis unreachable: {}", username, e.toString());
            return false;
        }
    }

    @Override
    public boolean cameOnline(String username) {
        return local.isOnline(username) && presenceAnswer(username, presence::arrive);
    }

    @Override
    public boolean wentOffline(String username) {
        return !local.isOnline(username) && presenceAnswer(username, presence::leave);
    }

    /** Redis away: what this node knows is all there is, so the change is told (as on a lone node). */
    private static boolean presenceAnswer(String username, Predicate<String> question) {
        try {
            return question.test(username);
        } catch (RuntimeException e) {
            log.warn("presence of {} not shared, Redis unreachable: {}", username, e.toString());
            return true;
        }
    }

    private RedisFuture<Long> route(String presenceKey, String message) {
        return redis.async().eval(ROUTE, ScriptOutputType.INTEGER, new String[] {presenceKey},
                Long.toString(clock.millis()), redis.nodeId(), message);
    }
}
