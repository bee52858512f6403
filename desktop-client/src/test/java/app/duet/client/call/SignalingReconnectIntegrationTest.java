package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import app.duet.client.call.model.CallState;
import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;
import app.duet.protocol.Result;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call while the signaling connection drops or the server restarts: media keeps flowing peer to peer, the
 * clients resume, and the engine either keeps the call (the server still has it, also after a restart) with
 * renegotiation, ICE restart and hang-up working, or ends it cleanly (a server that lost its data).
 */
class SignalingReconnectIntegrationTest {

    private static final Duration WAIT = Waits.CALL;
    /** A client refused for a while retries with a growing backoff (up to 4-8 s by then). */
    private static final Duration RECONNECT_WAIT = Waits.RECONNECT;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path temp;

    private EngineRig rig;
    private TestServer server;
    private SeverableRelay annRoute;
    private SeverableRelay bobRoute;
    private SignalingClient annClient;
    private SignalingClient bobClient;
    private final EngineListener annEvents = new EngineListener();
    private final EngineListener bobEvents = new EngineListener();
    /** Each resumed sign-in's reply, per client. */
    private final List<Result.Auth> annResumes = new CopyOnWriteArrayList<>();
    private final List<Result.Auth> bobResumes = new CopyOnWriteArrayList<>();
    private CallEngine ann;
    private CallEngine bob;

    @BeforeEach
    void connectBothInACall() {
        rig = new EngineRig(MEDIA.get(), temp);
        server = rig.server();
        annRoute = rig.closeLater(new SeverableRelay(server.uri()));
        bobRoute = rig.closeLater(new SeverableRelay(server.uri()));
        annClient = rig.client(annRoute.uri());
        bobClient = rig.client(bobRoute.uri());
        annClient.addListener(new ResumeRecorder(annResumes));
        bobClient.addListener(new ResumeRecorder(bobResumes));
        EngineRig.annAndBobShareARoom(annClient, bobClient);
        ann = rig.engine(annClient, annEvents, "ann");
        bob = rig.engine(bobClient, bobEvents, "bob");

        ann.ring("room", false).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        bob.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
        ann.controls().startVideo(); // only Ann sends video, so Bob adding his later is a real renegotiation
        await().atMost(WAIT).until(() -> bob.controls().remoteVideo().publishedFrames() > 5);
    }

    @AfterEach
    void closeAll() throws Exception {
        rig.close();
    }

    @Test
    void call_survives_a_dropped_signaling_connection_and_renegotiates_after_the_resume() {
        annRoute.sever();
        await().atMost(WAIT).until(() -> annClient.state() == ConnectionState.RECONNECTING);
        long bobFrames = bob.controls().remoteVideo().publishedFrames();
        await("media flows peer to peer while signaling is down").atMost(WAIT)
                .until(() -> bob.controls().remoteVideo().publishedFrames() > bobFrames + 15);
        assertThat(annClient.state()).isEqualTo(ConnectionState.RECONNECTING);

        annRoute.reopen();
        await().atMost(WAIT).until(() -> annClient.state() == ConnectionState.CONNECTED);
        assertThat(annEvents.ends).isEmpty();
        assertThat(bobEvents.ends).isEmpty();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);

        // A renegotiation through the resumed connection: Bob adds video, Ann must answer his offer.
        assertThat(ann.controls().remoteVideo().publishedFrames()).isZero();
        bob.controls().startVideo();
        await("Bob's video after the resume").atMost(WAIT).until(() -> ann.controls().remoteVideo().publishedFrames() > 10);
        bob.hangup().join();
        await().atMost(WAIT).until(() -> annEvents.ends.contains(CallEnd.REMOTE_HANGUP));
    }

    @Test
    void a_hang_up_the_server_could_not_hear_is_sent_once_the_session_resumes() {
        annRoute.sever();
        await().atMost(WAIT).until(() -> annClient.state() == ConnectionState.RECONNECTING);
        CompletableFuture<Void> hangup = ann.hangup();
        // Listeners hear of it on their own (UI) thread, a moment later.
        await().atMost(WAIT).untilAsserted(() -> assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP));
        // The request waits for the connection no longer than its timeout: this hang-up is lost.
        await().atMost(WAIT).until(hangup::isDone);
        assertThat(hangup).isCompletedExceptionally();
        assertThat(bobEvents.ends).isEmpty();

        annRoute.reopen();
        await("the resume hangs the leftover call up").atMost(RECONNECT_WAIT)
                .until(() -> bobEvents.ends.contains(CallEnd.REMOTE_HANGUP));
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP);
    }

    @Test
    void a_ring_the_restart_dropped_ends_on_both_sides_once_they_resume() {
        ann.hangup().join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        ann.ring("room", false).join();
        await().atMost(WAIT).until(() -> bobEvents.incoming.size() == 2);
        bobRoute.sever(); // Bob cannot hear the cancel the stopping server sends
        await().atMost(WAIT).until(() -> bobClient.state() == ConnectionState.RECONNECTING);
        server.restart(); // ringing calls are not kept

        await().atMost(RECONNECT_WAIT).until(() -> annEvents.ends.size() == 2);
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP, CallEnd.DISCONNECTED);
        bobRoute.reopen();
        await("Bob's stale ring goes once he resumes").atMost(RECONNECT_WAIT).until(() -> bobEvents.ends.size() == 2);
        assertThat(bobEvents.ends).containsExactly(CallEnd.REMOTE_HANGUP, CallEnd.CANCELLED);
        assertThat(bob.accept(Media.AUDIO)).as("the ring is gone").failsWithin(WAIT);
    }

    @Test
    void a_server_restart_keeps_the_call_even_when_the_caller_resumes_long_before_the_callee() {
        String callId = bobEvents.incoming.get(0).callId();
        bobRoute.sever(); // Bob stays away while Ann resumes: her offer on resuming cannot reach him
        server.restart();
        await().atMost(RECONNECT_WAIT).until(() -> !annResumes.isEmpty());
        assertThat(annResumes.get(0).call().callId()).as("the restarted server gave the call back").isEqualTo(callId);
        long bobFrames = bob.controls().remoteVideo().publishedFrames();
        await("media flows peer to peer while Bob is away").atMost(WAIT)
                .until(() -> bob.controls().remoteVideo().publishedFrames() > bobFrames + 15);

        bobRoute.reopen();
        await().atMost(RECONNECT_WAIT).until(() -> !bobResumes.isEmpty());
        assertThat(bobResumes.get(0).call().callId()).isEqualTo(callId);
        long annSentAfterResume = bob.controls().remoteVideo().publishedFrames();
        await("media still flows after both resumed").atMost(WAIT)
                .until(() -> bob.controls().remoteVideo().publishedFrames() > annSentAfterResume + 15);
        assertThat(annEvents.ends).isEmpty();
        assertThat(bobEvents.ends).isEmpty();

        // Negotiation is not stuck on the offer Ann made while Bob was away: an ICE restart by the (impolite)
        // caller, then Bob adding video, must both get through the restarted server.
        ann.controls().restartIce();
        assertThat(ann.controls().remoteVideo().publishedFrames()).isZero();
        bob.controls().startVideo();
        await("Bob's video after the restart").atMost(WAIT).until(() -> ann.controls().remoteVideo().publishedFrames() > 10);
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);

        ann.hangup().join();
        await().atMost(WAIT).until(() -> bobEvents.ends.contains(CallEnd.REMOTE_HANGUP));
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP);
    }

    @Test
    void both_pictures_go_on_when_the_callee_is_back_from_a_server_restart_long_before_the_caller() {
        bothPicturesGoOnWhenOneSideIsBackLate(annRoute, annResumes, bobResumes);
    }

    @Test
    void both_pictures_go_on_when_the_caller_is_back_from_a_server_restart_long_before_the_callee() {
        bothPicturesGoOnWhenOneSideIsBackLate(bobRoute, bobResumes, annResumes);
    }

    /**
     * Both send video; one side comes back from a server restart long after the other (more than the
     * callee's wait for a resume offer). No offer may be made to a side that is away and then be rolled
     * back: libwebrtc's rollback leaves the rolled-back side's receivers without their picture.
     */
    private void bothPicturesGoOnWhenOneSideIsBackLate(SeverableRelay lateRoute, List<Result.Auth> lateResumes,
            List<Result.Auth> earlyResumes) {
        ann.hangup().join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        ann.ring("room", true).join();
        await().atMost(WAIT).until(() -> bobEvents.incoming.size() == 2);
        bob.accept(Media.VIDEO).join();
        await().atMost(WAIT).until(() -> ann.controls().remoteVideo().publishedFrames() > 5
                && bob.controls().remoteVideo().publishedFrames() > 5);
        lateRoute.sever();
        server.restart();
        await().atMost(RECONNECT_WAIT).until(() -> !earlyResumes.isEmpty());
        long annFrames = ann.controls().remoteVideo().publishedFrames();
        long bobFrames = bob.controls().remoteVideo().publishedFrames();
        long framesWhileWaiting = (NegotiationDriver.FAR_SIDE_RESUME_OFFER_SECONDS + 2) * 15;
        await("media flows peer to peer while one side is away").atMost(WAIT)
                .until(() -> ann.controls().remoteVideo().publishedFrames() > annFrames + framesWhileWaiting
                        && bob.controls().remoteVideo().publishedFrames() > bobFrames + framesWhileWaiting);

        lateRoute.reopen();
        await().atMost(RECONNECT_WAIT).until(() -> !lateResumes.isEmpty());
        long annAfterResume = ann.controls().remoteVideo().publishedFrames();
        long bobAfterResume = bob.controls().remoteVideo().publishedFrames();
        await("both pictures after both resumed").atMost(WAIT)
                .until(() -> ann.controls().remoteVideo().publishedFrames() > annAfterResume + 45
                        && bob.controls().remoteVideo().publishedFrames() > bobAfterResume + 45);
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP);
        assertThat(bobEvents.ends).containsExactly(CallEnd.REMOTE_HANGUP);
    }

    @Test
    void a_server_that_lost_its_data_ends_the_call_cleanly_on_both_sides() {
        server.restartWithNewData(temp.resolve("server-without-data")); // knows neither the sessions nor the call
        await().atMost(RECONNECT_WAIT).until(() -> annEvents.ends.contains(CallEnd.DISCONNECTED)
                && bobEvents.ends.contains(CallEnd.DISCONNECTED));
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        assertThat(annEvents.ends).containsExactly(CallEnd.DISCONNECTED);
        assertThat(bobEvents.ends).containsExactly(CallEnd.DISCONNECTED);
        assertThat(annClient.hasSession()).isFalse();
        assertThat(bobClient.hasSession()).isFalse();
        assertThat(annResumes).isEmpty();
    }

    /** Keeps the reply of each resumed sign-in. */
    private record ResumeRecorder(List<Result.Auth> resumes) implements SignalingListener {
        @Override
        public void onSignedIn(Result.Auth auth, boolean resumed) {
            if (resumed) {
                resumes.add(auth);
            }
        }
    }
}
