package app.duet.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.Event;
import app.duet.protocol.ProtocolCodec;
import app.duet.server.PrivateRedis;
import app.duet.server.channels.SharedState.Sent;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes' relays on one real Redis, each with a recording stand-in for its own sockets: what one node
 * relays to a session on another arrives there once each, in order, and nowhere else.
 */
class ClusterRelayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    PrivateRedis redis;
    final List<RedisLink> links = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = PrivateRedis.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        links.forEach(RedisLink::close);
        redis.close();
    }

    @Test
    void framesToASessionOnAnotherNodeArriveOnceInOrderAndOnlyThere() {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        b.holds("bob", "session-bob");
        await().atMost(WAIT).until(() -> a.relay.isOnline("bob"));

        List<String> sent = IntStream.range(0, 500).mapToObj(i -> "{\"n\":" + i + "}").toList();
        for (String frame : sent) {
            assertThat(a.relay.frameToSession("session-bob", frame)).isTrue();
        }

        await().atMost(WAIT).until(() -> b.local.received.size() >= sent.size());
        assertThat(b.local.received).containsExactlyElementsOf(sent.stream().map(f -> "session session-bob " + f).toList());
        assertThat(c.local.received).isEmpty();
        assertThat(a.local.received).isEmpty();
    }

    @Test
    void aSessionNobodyHoldsIsReportedUndeliveredAndAUserOnAnotherNodeIsOnline() {
        Node a = node("a");
        Node b = node("b");
        b.holds("bob", "session-bob");

        await().atMost(WAIT).until(() -> a.relay.isOnline("bob"));
        assertThat(a.relay.frameToSession("session-nobody", "{}")).isFalse();
        assertThat(a.relay.isOnline("nobody")).isFalse();

        assertThat(b.leaves("bob", "session-bob")).as("bob went offline").isTrue();
        assertThat(a.relay.isOnline("bob")).isFalse();
        // The session's entry goes asynchronously.
        await().atMost(WAIT).until(() -> !a.relay.frameToSession("session-bob", "{}"));
    }

    @Test
    void aUserOnTwoNodesComesOnlineWithTheFirstAndGoesOfflineWithTheLast() {
        Node b = node("b");
        Node c = node("c");

        assertThat(b.holds("bob", "laptop")).as("came online with the laptop").isTrue();
        assertThat(c.holds("bob", "phone")).as("the phone on another node: online already").isFalse();
        assertThat(b.leaves("bob", "laptop")).as("the phone is still there").isFalse();
        assertThat(b.holds("bob", "laptop")).as("back while the phone is there").isFalse();
        assertThat(c.leaves("bob", "phone")).isFalse();
        assertThat(b.leaves("bob", "laptop")).as("the last one went").isTrue();
        assertThat(c.holds("bob", "phone")).as("online again").isTrue();
    }

    @Test
    void ofTwoNodesWhoseConnectionsOfAUserCloseAtOnceExactlyOneSaysOffline() throws Exception {
        Node b = node("b");
        Node c = node("c");
        for (int round = 0; round < 50; round++) {
            b.holds("bob", "laptop");
            c.holds("bob", "phone");
            List<CompletableFuture<Boolean>> went = List.of(
                    CompletableFuture.supplyAsync(() -> b.leaves("bob", "laptop")),
                    CompletableFuture.supplyAsync(() -> c.leaves("bob", "phone")));
            assertThat(went.stream().map(CompletableFuture::join)).as("round " + round).containsOnlyOnce(true);
        }
    }

    @Test
    void aGuardedFrameGoesOutOnlyWhileTheHashIsUnchanged() {
        Node a = node("a");
        Node b = node("b");
        b.holds("bob", "session-bob");
        a.holds("alice", "session-alice");
        RedisCommands<String, String> redis = links.get(0).sync();
        redis.hset("duet:call:c1", Map.of("state", "ACTIVE", "calleeSession", "session-bob"));
        Map<String, String> asChecked = Map.of("state", "ACTIVE", "calleeSession", "session-bob");

        assertThat(a.relay.frameToSessionIf("duet:call:c1", asChecked, "session-bob", "{\"n\":1}").join())
                .isEqualTo(Sent.DELIVERED);
        assertThat(a.relay.frameToSessionIf("duet:call:c1", asChecked, "session-alice", "{\"n\":2}").join())
                .as("to this node's own session").isEqualTo(Sent.DELIVERED);
        assertThat(a.relay.frameToSessionIf("duet:call:c1", asChecked, "session-nobody", "{}").join())
                .isEqualTo(Sent.NOBODY_THERE);
        redis.hset("duet:call:c1", "state", "RINGING");
        assertThat(a.relay.frameToSessionIf("duet:call:c1", asChecked, "session-bob", "{\"n\":3}").join())
                .isEqualTo(Sent.HASH_CHANGED);
        redis.del("duet:call:c1");
        assertThat(a.relay.frameToSessionIf("duet:call:c1", asChecked, "session-bob", "{\"n\":4}").join())
                .as("the call is gone").isEqualTo(Sent.HASH_CHANGED);

        // A last frame sent without a guard: once it is there, whatever was sent before it is too.
        assertThat(a.relay.frameToSession("session-bob", "{\"last\":1}")).isTrue();
        await().atMost(WAIT).until(() -> b.local.received.size() >= 2);
        assertThat(b.local.received).containsExactly("session session-bob {\"n\":1}", "session session-bob {\"last\":1}");
        assertThat(a.local.received).containsExactly("session session-alice {\"n\":2}");
    }

    @Test
    void aRoundOfRefreshesWritesEveryEntryOfTheNodeAgain() {
        Node a = node("a");
        Node b = node("b");
        List<String> users = IntStream.range(0, 1200).mapToObj(i -> "user" + i).toList();
        users.forEach(u -> b.holds(u, "session-" + u));
        // As after a Redis restart without persistence: every entry gone.
        links.get(0).sync().flushall();
        assertThat(a.relay.isOnline("user7")).isFalse();

        for (int tick = 0; tick < 10; tick++) { // one REFRESH: each entry once, in scripts of up to 200 keys
            b.relay.presence().refresh();
        }

        await().atMost(WAIT).until(() -> users.stream().allMatch(a.relay::isOnline));
        assertThat(users).allMatch(u -> a.relay.frameToSession("session-" + u, "{}"));
    }

    @Test
    void eventsToAUserReachEachOfItsNodesOnce() {
        Node a = node("a");
        Node b = node("b");
        Node c = node("c");
        b.holds("bob", "laptop");
        c.holds("bob", "phone");
        await().atMost(WAIT).until(() -> links.get(0).sync().zcard(Presence.userKey("bob")) == 2);

        a.relay.toUser("bob", new Event.CallCancelled("call-1"), null);

        await().atMost(WAIT).until(() -> b.local.received.size() == 1 && c.local.received.size() == 1);
        assertThat(b.local.received.get(0)).startsWith("user bob ").contains("call-1");
        assertThat(c.local.received).containsExactlyElementsOf(b.local.received);
    }

    @Test
    void aRevocationClosesTheSessionOnEveryOtherNode() {
        Node a = node("a");
        Node b = node("b");

        a.relay.presence().revoked(List.of("s1", "s2"));

        await().atMost(WAIT).until(() -> b.local.revoked.equals(List.of("s1", "s2")));
    }

    private Node node(String id) {
        RedisLink link = new RedisLink(redis.url(), id);
        links.add(link);
        Recording local = new Recording();
        return new Node(new ClusterRelay(local, link, new ProtocolCodec(), Clock.systemUTC()), local);
    }

    private record Node(ClusterRelay relay, Recording local) {
        /** As when the user's first connection here authenticates: whether they came online. */
        boolean holds(String username, String sessionId) {
            local.users.add(username);
            local.sessions.add(sessionId);
            relay.presence().sessionBound(sessionId);
            return relay.cameOnline(username);
        }

        /** As when the user's last connection here closes: whether they went offline. */
        boolean leaves(String username, String sessionId) {
            local.users.remove(username);
            local.sessions.remove(sessionId);
            relay.presence().sessionGone(sessionId);
            return relay.wentOffline(username);
        }
    }

    /**
     * The node's own sockets: the users and sessions connected here, and what was handed to them, as
     * "user name frame" or "session id frame".
     */
    private static final class Recording implements LocalConnections {
        final Set<String> users = ConcurrentHashMap.newKeySet();
        final Set<String> sessions = ConcurrentHashMap.newKeySet();
        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> revoked = new CopyOnWriteArrayList<>();
        private final ProtocolCodec codec = new ProtocolCodec();

        @Override
        public void frameToUser(String username, String frame) {
            if (users.contains(username)) {
                received.add("user " + username + " " + frame);
            }
        }

        @Override
        public boolean frameToSession(String sessionId, String frame) {
            if (!sessions.contains(sessionId)) {
                return false;
            }
            received.add("session " + sessionId + " " + frame);
            return true;
        }

        @Override
        public void toUser(String username, Event event, String exceptConnectionId) {
            frameToUser(username, codec.encode(event));
        }

        @Override
        public boolean toSession(String sessionId, Event event) {
            return frameToSession(sessionId, codec.encode(event));
        }

        @Override
        public boolean isOnline(String username) {
            return users.contains(username);
        }

        @Override
        public Set<String> users() {
            return Set.copyOf(users);
        }

        @Override
        public Set<String> sessions() {
            return Set.copyOf(sessions);
        }

        @Override
        public void closeRevoked(Collection<String> sessionIds) {
            revoked.addAll(sessionIds);
        }
    }
}
