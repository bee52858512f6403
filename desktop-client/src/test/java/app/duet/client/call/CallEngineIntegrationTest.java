package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import app.duet.client.call.model.CallState;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The call engine end to end in one JVM: real signaling server, real clients, real libwebrtc peers. */
class CallEngineIntegrationTest {

    private static final Duration WAIT = Waits.CALL;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path temp;

    private EngineRig rig;
    private final EngineListener annEvents = new EngineListener();
    private final EngineListener bobEvents = new EngineListener();
    private CallEngine ann;
    private CallEngine bob;

    @BeforeEach
    void signUpBothAndShareAChannel() {
        rig = new EngineRig(MEDIA.get(), temp);
        TestServer server = rig.server();
        SignalingClient annClient = rig.client(server.uri());
        SignalingClient bobClient = rig.client(server.uri());
        EngineRig.annAndBobShareARoom(annClient, bobClient);
        ann = rig.engine(annClient, annEvents, "ann");
        bob = rig.engine(bobClient, bobEvents, "bob");
    }

    @AfterEach
    void closeAll() throws Exception {
        rig.close();
    }

    @Test
    void ring_accept_talk_chat_and_hang_up() {
        String callId = ann.ring("room", true).join();
        IncomingCall ring = await().atMost(WAIT).until(() -> bobEvents.incoming.isEmpty() ? null
                : bobEvents.incoming.get(0), c -> c != null);
        assertThat(ring.callId()).isEqualTo(callId);
        assertThat(ring.callerDisplayName()).isEqualTo("Ann");
        assertThat(ring.video()).isTrue();
        assertThat(annEvents.states).contains(CallState.RINGING_OUTGOING);

        bob.accept(Media.VIDEO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
        await().atMost(WAIT).until(() -> bob.controls().remoteVideo().poll(), f -> f != null
                && FrameStamp.decodeFrameNumber(f.toIntArray(), f.width(), f.height()).isPresent());
        await().atMost(WAIT).until(() -> ann.controls().remoteAudioLevel() > 0.05 && bob.controls().remoteAudioLevel() > 0.05);
        assertThat(ann.safetyCode()).isPresent().isEqualTo(bob.safetyCode());
        assertThat(ann.controls().selfView().publishedFrames()).isPositive();

        await().atMost(WAIT).until(() -> annEvents.dataOpen && bobEvents.dataOpen);
        bob.controls().sendChat("hi Ann").join();
        await().atMost(WAIT).until(() -> annEvents.chats.stream().anyMatch(m -> m.text().equals("hi Ann")));

        ann.hangup().join();
        await().atMost(WAIT).until(() -> bobEvents.ends.contains(CallEnd.REMOTE_HANGUP));
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP);
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && bob.state() == CallState.IDLE);
        assertThat(bobEvents.states).contains(CallState.ENDED);
    }

    @Test
    void declined_ring_ends_for_both_and_audio_call_can_add_video() {
        ann.ring("room", false).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        bob.decline().join();
        await().atMost(WAIT).until(() -> annEvents.ends.contains(CallEnd.DECLINED));
        assertThat(ann.state()).isEqualTo(CallState.IDLE);

        bob.ring("room", false).join();
        await().atMost(WAIT).until(() -> annEvents.incoming.size() == 1);
        ann.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
        assertThat(ann.controls().remoteVideo().publishedFrames()).isZero();
        ann.controls().startVideo();
        await().atMost(WAIT).until(() -> bob.controls().remoteVideo().publishedFrames() > 10);
        bob.hangup().join();
        await().atMost(WAIT).until(() -> annEvents.ends.contains(CallEnd.REMOTE_HANGUP));
    }

    @Test
    void audio_only_accept_of_a_video_call_opens_no_video_until_the_callee_turns_it_on() {
        ann.ring("room", true).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        assertThat(bobEvents.incoming.get(0).media()).isEqualTo(Media.VIDEO);

        bob.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
        // The call is fully up (Ann's video and both tones arrive, stats sampled both ways) ...
        await().atMost(WAIT).until(() -> bob.controls().remoteVideo().publishedFrames() > 10
                && ann.controls().remoteAudioLevel() > 0.05 && bob.controls().remoteAudioLevel() > 0.05
                && annEvents.qualities.size() >= 2 && bobEvents.qualities.size() >= 2);
        // ... and Bob never opened a video source (every local video track feeds his self-view) nor sent video.
        assertThat(bob.controls().selfView().publishedFrames()).isZero();
        assertThat(ann.controls().remoteVideo().publishedFrames()).isZero();
        assertThat(bobEvents.lastQuality().outgoingWidth()).isNegative();
        assertThat(annEvents.lastQuality().incomingWidth()).isNegative();
        assertThat(annEvents.lastRemoteMedia().cameraOn()).isFalse();

        bob.controls().startVideo(); // turning video on later adds it by renegotiation
        await().atMost(WAIT).until(() -> ann.controls().remoteVideo().publishedFrames() > 10);
        assertThat(bob.controls().selfView().publishedFrames()).isPositive();
        await().atMost(WAIT).until(() -> annEvents.lastRemoteMedia().cameraOn());
        ann.hangup().join();
        await().atMost(WAIT).until(() -> bobEvents.ends.contains(CallEnd.REMOTE_HANGUP));
    }

    @Test
    void hanging_up_an_unanswered_ring_cancels_it_for_the_callee() {
        ann.ring("room", true).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        assertThat(ann.state()).isEqualTo(CallState.RINGING_OUTGOING);
        ann.hangup().join();
        await().atMost(WAIT).until(() -> bobEvents.ends.contains(CallEnd.CANCELLED));
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP);
        assertThat(bob.accept(Media.VIDEO)).as("the ring is gone").failsWithin(WAIT);
        assertThat(ann.ring("room", false).join()).as("free to ring again").isNotBlank();
    }

    @Test
    void a_ring_cancelled_while_accept_builds_its_session_ends_once_and_leaks_nothing() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        bob.beforeSessionCreated(() -> {
            held.countDown();
            awaitLatch(resume);
        });
        ann.ring("room", true).join();
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty() && ann.state() == CallState.RINGING_OUTGOING);

        CompletableFuture<Void> accepting = bob.accept(Media.VIDEO);
        assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("accept reached its hook").isTrue();
        ann.hangup().join(); // Bob's engine thread is held: the cancel waits behind the session being built
        resume.countDown();

        assertThatThrownBy(accepting::join).isInstanceOf(CompletionException.class);
        await().atMost(WAIT).until(() -> bobEvents.ends.contains(CallEnd.CANCELLED));
        rig.ui().submit(() -> { }).get(WAIT.toSeconds(), TimeUnit.SECONDS); // every event delivered so far has run
        assertThat(bobEvents.ends).containsExactly(CallEnd.CANCELLED);
        assertThat(bob.state()).isEqualTo(CallState.IDLE);
        await().atMost(WAIT).until(() -> MEDIA.get().ownedCount() == 0); // the half-built session was closed

        bob.beforeSessionCreated(() -> { });
        ann.ring("room", false).join();
        await().atMost(WAIT).until(() -> bobEvents.incoming.size() == 2);
        bob.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
    }

    @Test
    void a_cancel_that_crosses_the_callees_accept_hangs_the_call_up() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ann.beforeSessionCreated(() -> {
            held.countDown();
            awaitLatch(resume);
        });
        CompletableFuture<String> ringing = ann.ring("room", true);
        assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the server took the ring").isTrue();
        CompletableFuture<Void> hangingUp = ann.hangup(); // waits behind the session being built: a cancel
        await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
        bob.accept(Media.VIDEO).join(); // the server now has the call active; Ann's cancel will be refused
        ann.beforeSessionCreated(() -> { });
        resume.countDown();

        ringing.join();
        hangingUp.join();
        await("Bob is not left in a call with nobody").atMost(WAIT)
                .until(() -> bobEvents.ends.contains(CallEnd.REMOTE_HANGUP) && bob.state() == CallState.IDLE);
        assertThat(annEvents.ends).containsExactly(CallEnd.LOCAL_HANGUP);
        await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && MEDIA.get().ownedCount() == 0);
    }

    @Test
    void hanging_up_before_the_server_answered_the_ring_ends_it_once_for_both() {
        int rungOut = 0;
        for (int i = 0; i < 5; i++) { // the hang-up lands before the ring goes out, or before its reply
            CompletableFuture<String> ringing = ann.ring("room", true);
            ann.hangup().join();
            int round = i + 1;
            await().atMost(WAIT).until(() -> annEvents.ends.size() == round);
            assertThat(annEvents.ends).containsOnly(CallEnd.LOCAL_HANGUP);
            await().atMost(WAIT).until(ringing::isDone);
            if (!ringing.isCompletedExceptionally()) { // the ring went out: Bob heard it, then heard it end
                int expected = ++rungOut;
                await().atMost(WAIT).until(() -> bobEvents.incoming.size() == expected && bobEvents.ends.size() == expected);
            }
            await().atMost(WAIT).until(() -> ann.state() == CallState.IDLE && MEDIA.get().ownedCount() == 0);
        }
        ann.ring("room", false).join();
        int ringsToBob = rungOut + 1;
        await().atMost(WAIT).until(() -> bobEvents.incoming.size() == ringsToBob);
        bob.accept(Media.AUDIO).join();
        await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
