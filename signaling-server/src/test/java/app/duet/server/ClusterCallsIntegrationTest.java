package app.duet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.duet.protocol.EndReason;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.ErrorReply;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Ok;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.ServerMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls between users on different nodes: real servers in this JVM (each its own node id, threads and Redis
 * connections) on one real Redis and one SQLite file, real WebSocket clients. A channel made on one node
 * after every node started is used on the others; a ring on one node is answered on another; the rules
 * (glare, strangers) hold across nodes; a call survives a Redis restart.
 */
class ClusterCallsIntegrationTest {
    private static final String CHANNEL = ClusterNodes.CHANNEL;
    private static final String SDP = "v=0 synthetic";
    /** Lettuce's reconnect backoff tops out at 30 s. */
    private static final Duration REDIS_BACK = Duration.ofSeconds(60);
    private static final int CANDIDATES = 40;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private ClusterNodes cluster;

    @AfterEach
    void stopAll() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoUsersOnTwoNodesCallAndAThirdOnAThirdNodeSeesNothing() throws Exception {
        cluster = ClusterNodes.start(dir);
        DuetServer a = cluster.node("a");
        DuetServer b = cluster.node("b");
        DuetServer c = cluster.node("c");
        TestClient carol = cluster.signup(c.uri(), "carol");

        // Made on a after b started and joined on b with an invite made on a: b learns of it through Redis
        // and the database.
        ClusterNodes.Duo duo = cluster.duo(a.uri(), b.uri());
        TestClient alice = duo.owner();
        TestClient bob = duo.guest();
        assertThat(alice.awaitEvent(Event.Presence.class).state()).isEqualTo(PresenceState.JOINED);
        // Node c knows the channel, made and joined on the other nodes, and that it is full.
        carol.error(new Request.ChannelJoin(carol.nextId(), CHANNEL, null), ErrorCode.CHANNEL_FULL);

        String callId = alice.<Result.CallRing>ok(new Request.CallRing(alice.nextId(), CHANNEL, Media.VIDEO)).callId();
        assertThat(bob.awaitEvent(Event.CallIncoming.class).callId()).isEqualTo(callId);
        carol.error(new Request.CallAccept(carol.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
        bob.ok(new Request.CallAccept(bob.nextId(), callId));
        assertThat(alice.awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(callId);

        alice.ok(new Request.Offer(alice.nextId(), callId, SDP));
        assertThat(bob.awaitEvent(Event.Offer.class).sdp()).isEqualTo(SDP);
        bob.ok(new Request.Answer(bob.nextId(), callId, SDP));
        assertThat(alice.awaitEvent(Event.Answer.class).sdp()).isEqualTo(SDP);
        List<String> sent = IntStream.range(0, CANDIDATES).mapToObj(i -> "candidate:" + i + " 1 udp 1 10.0.0.1 9 typ host")
                .toList();
        for (String candidate : sent) {
            alice.ok(new Request.Candidate(alice.nextId(), callId, "0", 0, candidate));
            bob.ok(new Request.Candidate(bob.nextId(), callId, "0", 0, candidate.replace("10.0.0.1", "10.0.0.2")));
        }
        await().atMost(TestClient.TIMEOUT).until(() -> bob.eventsOf(Event.Candidate.class).size() >= CANDIDATES
                && alice.eventsOf(Event.Candidate.class).size() >= CANDIDATES);
        assertThat(bob.eventsOf(Event.Candidate.class)).extracting(Event.Candidate::candidate).containsExactlyElementsOf(sent);
        assertThat(alice.eventsOf(Event.Candidate.class)).extracting(Event.Candidate::candidate)
                .containsExactlyElementsOf(sent.stream().map(s -> s.replace("10.0.0.1", "10.0.0.2")).toList());

        // The stranger on a third node can neither act on the call nor inject into it.
        carol.error(new Request.Offer(carol.nextId(), callId, "v=0 injected"), ErrorCode.CALL_NOT_FOUND);
        carol.error(new Request.CallHangup(carol.nextId(), callId), ErrorCode.CALL_NOT_FOUND);
        carol.error(new Request.CallRing(carol.nextId(), CHANNEL, Media.AUDIO), ErrorCode.NOT_A_MEMBER);

        bob.ok(new Request.CallHangup(bob.nextId(), callId));
        assertThat(alice.awaitEvent(Event.CallEnded.class)).isEqualTo(new Event.CallEnded(callId, EndReason.HANGUP));
        alice.error(new Request.Offer(alice.nextId(), callId, SDP), ErrorCode.CALL_NOT_FOUND);
        // Every relayed frame arrived once: nothing more came after the hang-up's round trip.
        assertThat(bob.eventsOf(Event.Candidate.class)).hasSize(CANDIDATES);
        assertThat(bob.eventsOf(Event.Offer.class)).hasSize(0); // taken above, and no second copy
        carol.ok(new Request.ChannelsList(carol.nextId()));
        for (Class<? extends Event> type : List.of(Event.CallIncoming.class, Event.CallAccepted.class, Event.Offer.class,
                Event.Answer.class, Event.Candidate.class, Event.CallEnded.class, Event.Presence.class)) {
            assertThat(carol.eventsOf(type)).as("%s events carol got", type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void bothRingingEachOtherAtOnceOnTwoNodesMakesOneCall() throws Exception {
        cluster = ClusterNodes.start(dir);
        ClusterNodes.Duo duo = cluster.duo(cluster.node("a").uri(), cluster.node("b").uri());
        TestClient alice = duo.owner();
        TestClient bob = duo.guest();

        for (int round = 0; round < 5; round++) {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<ServerMessage> fromAlice = ringWhen(go, alice);
            CompletableFuture<ServerMessage> fromBob = ringWhen(go, bob);
            go.countDown();
            String aliceCall = ((Result.CallRing) ((Ok) fromAlice.join()).result()).callId();
            String bobCall = ((Result.CallRing) ((Ok) fromBob.join()).result()).callId();

            assertThat(bobCall).as("glare: both rings mean one call").isEqualTo(aliceCall);
            assertThat(alice.awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(aliceCall);
            assertThat(bob.awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(aliceCall);
            alice.ok(new Request.Offer(alice.nextId(), aliceCall, SDP));
            assertThat(bob.awaitEvent(Event.Offer.class).callId()).isEqualTo(aliceCall);
            alice.ok(new Request.CallHangup(alice.nextId(), aliceCall));
            assertThat(bob.awaitEvent(Event.CallEnded.class).callId()).isEqualTo(aliceCall);
            // The ring that came first reached the other side once; the second ring rang nobody.
            await().atMost(TestClient.TIMEOUT).until(() -> incoming(alice, bob).size() >= 1);
            assertThat(incoming(alice, bob)).singleElement().extracting(Event.CallIncoming::callId).isEqualTo(aliceCall);
            (alice.eventsOf(Event.CallIncoming.class).isEmpty() ? bob : alice).awaitEvent(Event.CallIncoming.class);
        }
    }

    @Test
    void aCallGoesOnAfterRedisRestartsAndNoNodeFails() throws Exception {
        cluster = ClusterNodes.startAppendOnly(dir);
        ClusterNodes.Duo duo = cluster.duo(cluster.node("a").uri(), cluster.node("b").uri());
        TestClient alice = duo.owner();
        TestClient bob = duo.guest();
        String callId = alice.<Result.CallRing>ok(new Request.CallRing(alice.nextId(), CHANNEL, Media.AUDIO)).callId();
        bob.awaitEvent(Event.CallIncoming.class);
        bob.ok(new Request.CallAccept(bob.nextId(), callId));

        cluster.redis().restart();

        await("the offer reaches bob through the restarted Redis").atMost(REDIS_BACK)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !(alice.request(new Request.Offer(alice.nextId(), callId, SDP)) instanceof ErrorReply));
        assertThat(bob.awaitEvent(Event.Offer.class).callId()).isEqualTo(callId);
        bob.ok(new Request.CallHangup(bob.nextId(), callId));
        assertThat(alice.awaitEvent(Event.CallEnded.class).reason()).isEqualTo(EndReason.HANGUP);
        // Both nodes still serve: a new call is rung on b and answered on a.
        String next = bob.<Result.CallRing>ok(new Request.CallRing(bob.nextId(), CHANNEL, Media.AUDIO)).callId();
        assertThat(alice.awaitEvent(Event.CallIncoming.class).callId()).isEqualTo(next);
        alice.ok(new Request.CallAccept(alice.nextId(), next));
        assertThat(bob.awaitEvent(Event.CallAccepted.class).callId()).isEqualTo(next);
    }

    private static List<Event.CallIncoming> incoming(TestClient... clients) {
        List<Event.CallIncoming> rung = new ArrayList<>();
        for (TestClient client : clients) {
            rung.addAll(client.eventsOf(Event.CallIncoming.class));
        }
        return rung;
    }

    private static CompletableFuture<ServerMessage> ringWhen(CountDownLatch go, TestClient caller) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return caller.request(new Request.CallRing(caller.nextId(), CHANNEL, Media.AUDIO));
        });
    }
}
