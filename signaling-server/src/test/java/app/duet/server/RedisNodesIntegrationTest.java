package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Ok;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several real server processes on one real Redis and one shared database file: events reach a user on
 * another node and nobody else, presence follows a node that is SIGKILLed, a revoked session is closed on
 * every node, and the nodes find each other again after Redis restarts. Calls and channels across nodes:
 * {@link ClusterCallsIntegrationTest} and {@link ClusterFailoverIntegrationTest}.
 */
@EnabledOnOs(OS.LINUX) // SIGKILL via destroyForcibly
class RedisNodesIntegrationTest {
    /** Presence TTL (15 s) plus a margin: how long a killed node's users may still look online. */
    private static final Duration PRESENCE_GONE = Duration.ofSeconds(30);
    /** Lettuce's reconnect backoff tops out at 30 s; then the next presence refresh (5 s). */
    private static final Duration REDIS_BACK = Duration.ofSeconds(60);
    private static final String CHANNEL = "meeting-room";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ClusterNodes cluster;

    @BeforeEach
    void startRedis() throws Exception {
        cluster = ClusterNodes.start(dir);
    }

    @AfterEach
    void stopAll() throws Exception {
        cluster.close();
    }

    @Test
    void aRingReachesTheCalleeOnAnotherNodeAndNobodyElse() throws Exception {
        ServerProcess a = channelReadyOnFirstNode();
        ServerProcess b = node("b");
        ServerProcess c = node("c");
        TestClient alice = login(a, "alice");
        TestClient bob = login(b, "bob");
        TestClient carol = login(c, "carol");

        Result.CallRing ring = alice.ok(new Request.CallRing(alice.nextId(), CHANNEL, Media.AUDIO));

        Event.CallIncoming incoming = bob.awaitEvent(Event.CallIncoming.class);
        assertThat(incoming.callId()).isEqualTo(ring.callId());
        assertThat(incoming.from().username()).isEqualTo("alice");
        // By now Redis has pushed the ring to every inbox it went to; carol, on a third node, got nothing of it.
        carol.ok(new Request.ChannelsList(carol.nextId()));
        assertThat(carol.eventsOf(Event.CallIncoming.class)).isEmpty();
        alice.ok(new Request.CallCancel(alice.nextId(), ring.callId()));
        assertThat(bob.awaitEvent(Event.CallCancelled.class).callId()).isEqualTo(ring.callId());

        // bob is offline for alice when his last connection on any node goes, not his last on one node.
        TestClient bobOnC = login(c, "bob");
        bob.close();
        assertThat(bobOnlineFor(alice)).isTrue();
        bobOnC.close();
        alice.awaitEvent(Event.Presence.class, p -> p.state() == PresenceState.OFFLINE);
        await().atMost(TestClient.TIMEOUT).until(() -> !bobOnlineFor(alice));
        assertThat(alice.eventsOf(Event.Presence.class)).as("offline events besides the one taken above")
                .filteredOn(p -> p.state() == PresenceState.OFFLINE).isEmpty();
    }

    @Test
    void theUsersOfASigkilledNodeGoOfflineByThemselves() throws Exception {
        ServerProcess a = channelReadyOnFirstNode();
        ServerProcess b = node("b");
        TestClient alice = login(a, "alice");
        login(b, "bob");
        ringAndCancel(alice);

        assertThat(b.kill()).isEqualTo(ServerProcess.KILLED_BY_SIGKILL);

        await("bob offline once his node's presence expired").atMost(PRESENCE_GONE).pollInterval(Duration.ofSeconds(1))
                .until(() -> ringOutcome(alice) == ErrorCode.PEER_OFFLINE);
    }

    @Test
    void sessionsAndLoginLimitsAreTheSameOnEveryNode() throws Exception {
        ServerProcess a = node("a");
        ServerProcess b = node("b");
        TestClient onA = hello(a);
        Result.Auth auth = onA.ok(new Request.Signup(onA.nextId(), "dave", "Dave", "dave@example.org", password("dave")));
        TestClient onB = hello(b);
        onB.ok(new Request.Resume(onB.nextId(), auth.session().token()));

        onA.ok(new Request.Logout(onA.nextId(), true));

        assertThat(onB.awaitClose()).isEqualTo(Protocol.CLOSE_SESSION_REVOKED);

        // Ten wrong passwords (the per-account default), half on each node: the eleventh is refused on either.
        TestClient guessA = hello(a);
        TestClient guessB = hello(b);
        for (int i = 0; i < 5; i++) {
            guessA.error(new Request.Login(guessA.nextId(), "dave", "wrong-" + i), ErrorCode.WRONG_CREDENTIALS);
            guessB.error(new Request.Login(guessB.nextId(), "dave", "wrong-b" + i), ErrorCode.WRONG_CREDENTIALS);
        }
        guessB.error(new Request.Login(guessB.nextId(), "dave", password("dave")), ErrorCode.LOGIN_THROTTLED);
    }

    @Test
    void nodesReachEachOtherAgainAfterRedisRestarts() throws Exception {
        ServerProcess a = channelReadyOnFirstNode();
        ServerProcess b = node("b");
        TestClient alice = login(a, "alice");
        TestClient bob = login(b, "bob");
        ringAndCancel(alice);
        bob.awaitEvent(Event.CallCancelled.class);

        cluster.redis().restart();

        // The restarted Redis is empty: the nodes reconnect, subscribe again and re-date presence by themselves.
        // A ring sent while they were at it may be refused or lost; one of the next ones reaches bob.
        await("bob reachable through the restarted Redis").atMost(REDIS_BACK).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    ringOutcome(alice);
                    return bob.eventsOf(Event.CallIncoming.class).size() >= 2;
                });
    }

    /** Node "a" on a fresh database, with alice, bob and carol signed up and alice and bob in {@link #CHANNEL}. */
    private ServerProcess channelReadyOnFirstNode() throws Exception {
        ServerProcess a = node("a");
        TestClient alice = signup(a, "alice");
        TestClient bob = signup(a, "bob");
        signup(a, "carol").close();
        alice.ok(new Request.ChannelCreate(alice.nextId(), CHANNEL));
        bob.joinInvitedBy(alice, CHANNEL);
        alice.close();
        bob.close();
        // Restarted, so it reads the channel as the nodes started after it do.
        a.close();
        return node("a");
    }

    private static boolean bobOnlineFor(TestClient alice) {
        Result.Channels listed = alice.ok(new Request.ChannelsList(alice.nextId()));
        return listed.channels().get(0).members().stream()
                .anyMatch(m -> m.username().equals("bob") && Boolean.TRUE.equals(m.online()));
    }

    /** A ring that the callee's node took (null) or the error code it was refused with; a ringing call is cancelled. */
    private static ErrorCode ringOutcome(TestClient caller) {
        ServerMessage reply = caller.request(new Request.CallRing(caller.nextId(), CHANNEL, Media.AUDIO));
        if (reply instanceof ErrorReply error) {
            return error.code();
        }
        Result.CallRing ring = (Result.CallRing) ((Ok) reply).result();
        caller.ok(new Request.CallCancel(caller.nextId(), ring.callId()));
        return null;
    }

    private static void ringAndCancel(TestClient caller) {
        assertThat(ringOutcome(caller)).isNull();
    }

    private ServerProcess node(String name) throws Exception {
        return cluster.processNode(name);
    }

    private TestClient hello(ServerProcess node) throws InterruptedException {
        return cluster.hello(node.uri());
    }

    private TestClient signup(ServerProcess node, String username) throws InterruptedException {
        return cluster.signup(node.uri(), username);
    }

    private TestClient login(ServerProcess node, String username) throws InterruptedException {
        return cluster.login(node.uri(), username);
    }

    private static String password(String username) {
        return ClusterNodes.password(username);
    }
}
