package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.CallInfo;
import app.duet.protocol.CallState;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
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
 * A node that dies (SIGKILL: no shutdown, no goodbye) in the middle of a call's life: the node that rang is a
 * real server process, the other nodes run in this JVM, all on one real Redis and one SQLite file. Its ring
 * still times out, once; its user reconnects to another node and gets the call back.
 */
@EnabledOnOs(OS.LINUX) // SIGKILL via destroyForcibly
class ClusterFailoverIntegrationTest {
    private static final Duration RING_TIMEOUT = Duration.ofSeconds(3);
    /** The ring timeout, the timer poll and a loaded machine's delays. */
    private static final Duration TIMED_OUT = RING_TIMEOUT.plusSeconds(20);
    /** The grace period of the surviving node b. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    /**
     * Presence forgetting the dead node (15 s), two sweeps 15 s apart, the grace period, and a loaded
     * machine's delays.
     */
    private static final Duration ABANDONED_ENDS = Duration.ofSeconds(15 + 30).plus(GRACE).plusSeconds(40);

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
    void aRingTimesOutOnceWhenTheNodeThatRangIsKilled() throws Exception {
        DuetServer b = cluster.node("b");
        cluster.node("c"); // a second survivor: both poll the timers, one fires it
        TestClient bob = duoOn(b);
        ServerProcess p = processNode();
        TestClient alice = cluster.login(p.uri(), "alice");

        String callId = alice.<Result.CallRing>ok(new Request.CallRing(alice.nextId(), ClusterNodes.CHANNEL, Media.AUDIO)).callId();
        assertThat(bob.awaitEvent(Event.CallIncoming.class).callId()).isEqualTo(callId);
        assertThat(p.kill()).isEqualTo(ServerProcess.KILLED_BY_SIGKILL);

        Event.CallEnded ended = await().atMost(TIMED_OUT).until(() -> bob.eventsOf(Event.CallEnded.class), l -> !l.isEmpty())
                .get(0);
        assertThat(ended).isEqualTo(new Event.CallEnded(callId, EndReason.NO_ANSWER));
        RedisClient client = RedisClient.create(cluster.redis().url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            await("the fired timer gone from the set").atMost(TestClient.TIMEOUT)
                    .until(() -> connection.sync().zcard("duet:timers") == 0);
        } finally {
            client.shutdown();
        }
        bob.ok(new Request.ChannelsList(bob.nextId()));
        assertThat(bob.eventsOf(Event.CallEnded.class)).as("call_ended events").hasSize(1);
    }

    @Test
    void aMemberWhoseNodeIsKilledResumesOnAnotherNodeAndKeepsTheCallAndOneWhoNeverComesBackEndsIt() throws Exception {
        DuetServer b = cluster.node("b", config -> config.callGrace(GRACE));
        TestClient bob = duoOn(b);
        ClusterNodes.Duo second = cluster.duo("carol", b.uri(), "dave", b.uri(), "second");
        second.owner().close();
        TestClient dave = second.guest();
        ServerProcess p = processNode();
        TestClient alice = cluster.hello(p.uri());
        Result.Auth aliceAuth = alice.ok(new Request.Login(alice.nextId(), "alice", ClusterNodes.password("alice")));
        String callId = callFrom(alice, ClusterNodes.CHANNEL, bob);
        String carolsCall = callFrom(cluster.login(p.uri(), "carol"), "second", dave);

        assertThat(p.kill()).isEqualTo(ServerProcess.KILLED_BY_SIGKILL);
        TestClient back = cluster.hello(b.uri());
        Result.Auth resumed = back.ok(new Request.Resume(back.nextId(), aliceAuth.session().token()));

        assertThat(resumed.call()).isEqualTo(new CallInfo(callId, ClusterNodes.CHANNEL, new UserInfo("bob", "BOB"),
                Media.VIDEO, CallState.ACTIVE, true, true));
        back.ok(new Request.Offer(back.nextId(), callId, "v=0 again"));
        assertThat(bob.awaitEvent(Event.Offer.class).sdp()).isEqualTo("v=0 again");
        bob.ok(new Request.Answer(bob.nextId(), callId, "v=0 answer"));
        assertThat(back.awaitEvent(Event.Answer.class).sdp()).isEqualTo("v=0 answer");
        bob.ok(new Request.CallHangup(bob.nextId(), callId));
        assertThat(back.awaitEvent(Event.CallEnded.class).reason()).isEqualTo(EndReason.HANGUP);

        // carol never comes back: once no node has held her session for two sweeps, her grace runs out.
        Event.CallEnded ended = await().atMost(ABANDONED_ENDS).pollInterval(Duration.ofSeconds(1))
                .until(() -> dave.eventsOf(Event.CallEnded.class), l -> !l.isEmpty()).get(0);
        assertThat(ended).isEqualTo(new Event.CallEnded(carolsCall, EndReason.DISCONNECTED));
    }

    /** {@code caller} rings in {@code channel}, {@code callee} accepts: the call's id. */
    private static String callFrom(TestClient caller, String channel, TestClient callee) {
        String callId = caller.<Result.CallRing>ok(new Request.CallRing(caller.nextId(), channel, Media.VIDEO)).callId();
        callee.awaitEvent(Event.CallIncoming.class, e -> e.callId().equals(callId));
        callee.ok(new Request.CallAccept(callee.nextId(), callId));
        caller.awaitEvent(Event.CallAccepted.class);
        return callId;
    }

    /** alice and bob signed up on {@code node}, both in the channel; alice's client closed, bob's returned. */
    private TestClient duoOn(DuetServer node) throws InterruptedException {
        ClusterNodes.Duo duo = cluster.duo(node.uri(), node.uri());
        duo.owner().close();
        return duo.guest();
    }

    /** Node "p", a server process of its own, whose rings time out after {@link #RING_TIMEOUT}. */
    private ServerProcess processNode() throws Exception {
        return cluster.processNode("p", "--ring-timeout-seconds", Long.toString(RING_TIMEOUT.toSeconds()));
    }
}
