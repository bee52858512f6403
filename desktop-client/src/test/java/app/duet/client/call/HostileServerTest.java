package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.call.model.CallState;
import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingException;
import app.duet.client.testing.HostileServer;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.Ok;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.UserInfo;

/**
 * The real signaling client and call engine against a {@link HostileServer}: whatever the server sends, the
 * client stays alive and usable, says where it stands, and leaves no native object behind.
 */
class HostileServerTest {

    private static final Duration WAIT = Waits.CALL;

    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path temp;

    private EngineRig rig;
    private HostileServer server;
    private SignalingClient client;
    private final EngineListener events = new EngineListener();
    private CallEngine engine;

    @BeforeEach
    void signIn() {
        rig = new EngineRig(MEDIA.get(), temp);
        server = rig.closeLater(HostileServer.listen());
        client = rig.client(server.uri());
        client.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();
        client.joinChannel(HostileServer.CHANNEL).join();
        engine = rig.engine(client, events, "ann");
    }

    @AfterEach
    void closeAll() throws Exception {
        rig.close();
        assertThat(MEDIA.get().ownedCount()).as("native objects left").isZero();
    }

    @Test
    void garbage_unknown_types_stray_replies_and_events_for_unknown_calls_change_nothing() throws Exception {
        server.sendRaw("{not json");
        server.sendRaw("[1, 2, 3]");
        server.sendRaw("\"just a string\"");
        server.sendRaw("{\"type\":\"surprise\",\"callId\":\"c\"}");
        server.sendRaw("{\"type\":\"offer\",\"callId\":42}");
        server.sendRaw("{\"type\":\"ok\",\"id\":\"1\",\"result\":{}}"); // an id answered long ago
        server.send(new Ok("no-such-request", Result.Empty.INSTANCE));
        server.sendRaw("{\"type\":\"error\",\"id\":\"77777\",\"code\":\"NO_SUCH_CODE\",\"message\":\"?\"}");
        server.send(new Event.CallAccepted("no-such-call"));
        server.send(new Event.CallDeclined("no-such-call"));
        server.send(new Event.CallCancelled("no-such-call"));
        server.send(new Event.Offer("no-such-call", HostileServer.PEER, "v=0"));
        server.send(new Event.Answer("no-such-call", HostileServer.PEER, "v=0"));
        server.send(new Event.Candidate("no-such-call", HostileServer.PEER, "0", 0, "candidate:1 1 udp 1 1.2.3.4 5 typ host"));
        server.send(new Event.CallEnded("no-such-call", EndReason.HANGUP));

        server.ring("real-call");

        IncomingCall ring = await().atMost(WAIT).until(() -> events.incoming.isEmpty() ? null : events.incoming.get(0),
                c -> c != null);
        assertThat(ring.callId()).isEqualTo("real-call");
        assertThat(events.ends).isEmpty();
        client.ping().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(server.connections()).as("no reconnect was needed").isEqualTo(1);
        engine.decline().join();
        await().atMost(WAIT).until(() -> server.heard(Request.CallDecline.class));
    }

    @Test
    void a_flood_of_events_is_taken_and_the_client_answers_afterwards() throws Exception {
        UserInfo peer = new UserInfo(HostileServer.PEER, "Mallory");
        for (int i = 0; i < 3000; i++) {
            server.send(new Event.Presence(HostileServer.CHANNEL, peer, i % 2 == 0 ? PresenceState.OFFLINE
                    : PresenceState.ONLINE));
            server.send(new Event.CallEnded("flood-" + i, EndReason.HANGUP));
            server.sendRaw("{\"type\":\"flood\",\"n\":" + i + "}");
        }
        server.ring("after-the-flood");

        await().atMost(WAIT).until(() -> events.incoming.stream().anyMatch(c -> c.callId().equals("after-the-flood")));
        client.ping().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
        engine.decline().join();
    }

    @Test
    void a_frame_announcing_two_gigabytes_is_refused_and_the_client_reconnects() throws Exception {
        server.announceHugeFrame();

        // Well before the lost-connection check (30 s or more) could notice a dead reader.
        await().atMost(Waits.SIGNALING).until(() -> client.state() == ConnectionState.RECONNECTING);
        await().atMost(Waits.RECONNECT).until(() -> client.state() == ConnectionState.CONNECTED);
        assertThat(server.connections()).isEqualTo(2);
        client.ping().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        server.ring("after-the-frame");
        await().atMost(WAIT).until(() -> events.incoming.stream().anyMatch(c -> c.callId().equals("after-the-frame")));
        engine.decline().join();
    }

    @Test
    void an_offer_with_garbage_sdp_fails_the_call_and_frees_its_native_objects() throws Exception {
        server.ring("bad-offer");
        await().atMost(WAIT).until(() -> !events.incoming.isEmpty());
        engine.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> server.heard(Request.CallAccept.class));

        server.send(new Event.Offer("bad-offer", HostileServer.PEER, "this is not a session description"));

        await().atMost(WAIT).until(() -> events.ends.contains(CallEnd.FAILED));
        assertThat(events.problems).isNotEmpty();
        await().atMost(WAIT).until(() -> engine.state() == CallState.IDLE && MEDIA.get().ownedCount() == 0);
        await().atMost(WAIT).until(() -> server.heard(Request.CallHangup.class));
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);

        server.ring("next-call");
        await().atMost(WAIT).until(() -> events.incoming.stream().anyMatch(c -> c.callId().equals("next-call")));
        engine.decline().join();
    }

    @Test
    void an_answer_with_garbage_sdp_to_our_first_offer_fails_the_call_instead_of_offering_for_ever() throws Exception {
        String callId = engine.ring(HostileServer.CHANNEL, false).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        server.send(new Event.CallAccepted(callId));
        await().atMost(WAIT).until(() -> server.heard(Request.Offer.class));

        server.send(new Event.Answer(callId, HostileServer.PEER, "this is not a session description"));

        await().atMost(WAIT).until(() -> events.ends.contains(CallEnd.FAILED));
        assertThat(events.problems).isNotEmpty();
        await().atMost(WAIT).until(() -> engine.state() == CallState.IDLE && MEDIA.get().ownedCount() == 0);
        await().atMost(WAIT).until(() -> server.heard(Request.CallHangup.class));
        assertThat(server.heard().stream().filter(Request.Offer.class::isInstance)).as("no second offer").hasSize(1);
        assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void a_server_that_stalls_mid_call_times_requests_out_and_is_left_for_a_new_connection() {
        server.ring("stalled-call");
        await().atMost(WAIT).until(() -> !events.incoming.isEmpty());
        engine.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> engine.state().isActive());

        server.stall();

        // The server's 5 s heartbeat sets the client's ping: the stall is noticed in 7.5-12.5 s, not 30-50.
        // A request meanwhile fails by timing out, or with the connection, whichever comes first.
        Throwable failure = catchThrowable(() -> client.ping().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(SignalingClient.unwrap(failure))
                .isInstanceOfAny(SignalingException.Timeout.class, SignalingException.ConnectionLost.class);
        await().atMost(Waits.SIGNALING).until(() -> client.state() != ConnectionState.CONNECTED);
        server.recover();
        await().atMost(Waits.RECONNECT).until(() -> client.state() == ConnectionState.CONNECTED);

        // The new connection's resume names no call: the call is over, and says why.
        await().atMost(WAIT).until(() -> !events.ends.isEmpty());
        assertThat(events.ends).containsExactly(CallEnd.DISCONNECTED);
        await().atMost(WAIT).until(() -> engine.state() == CallState.IDLE && MEDIA.get().ownedCount() == 0);
        server.ring("after-the-stall");
        await().atMost(WAIT).until(() -> events.incoming.stream().anyMatch(c -> c.callId().equals("after-the-stall")));
        engine.decline().join();
    }
}
