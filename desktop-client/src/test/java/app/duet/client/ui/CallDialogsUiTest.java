package app.duet.client.ui;

import app.duet.client.testing.Invites;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.sound.RingTone.Tone;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;

/** What the caller sees when a call does not happen: declined, busy, no answer; and a missed incoming call. */
class CallDialogsUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;

    @BeforeEach
    void startServer() {
        server = rig.server(s -> s.ringTimeout(Duration.ofSeconds(3)));
    }

    @Test
    void callerSeesDeclinedThenNoAnswer() {
        UiClient ann = open("ann", "Ann Smith");
        UiClient bob = open("bob", "Bob Jones");
        meet(ann, bob, "room");

        ann.press("call-audio-room");
        bob.node("incoming-overlay");
        bob.press("incoming-decline");
        ann.awaitText("Bob Jones declined the call.");
        ann.press("ringing-action");

        ann.press("call-video-room");
        bob.node("incoming-overlay");
        ann.awaitText("Bob Jones didn't answer.");
        await(() -> !bob.has("incoming-overlay"));
        bob.awaitRing(null);
        ann.awaitRing(null);
        // No call screen opened, so nothing ticks: a ring that was declined or unanswered leaves no timer behind.
        assertThat(ann.callTicker().running()).isZero();
        assertThat(bob.callTicker().running()).isZero();
    }

    @Test
    void ringAndRingbackPlayWhileItRingsAndStopOnDecline() {
        longRings(); // the tones are checked while it rings: no "no answer" meanwhile on a loaded machine
        UiClient ann = open("ann", "Ann Smith");
        UiClient bob = open("bob", "Bob Jones");
        meet(ann, bob, "room");

        ann.press("call-audio-room");
        bob.node("incoming-overlay");
        assertThat(bob.ringTone().playing()).as("rings with the dialog").contains(Tone.INCOMING);
        ann.awaitRing(Tone.RINGBACK);
        bob.press("incoming-decline");
        ann.awaitText("Bob Jones declined the call.");
        bob.awaitRing(null);
        ann.awaitRing(null);
    }

    @Test
    void theRingSoundCanBeTurnedOff() {
        longRings();
        UiClient ann = open("ann", "Ann Smith");
        UiClient bob = open("bob", "Bob Jones");
        meet(ann, bob, "room");
        bob.press("open-settings");
        bob.press("settings-ring-sound");
        bob.press("settings-back");
        bob.awaitScreen("Channels");

        ann.press("call-audio-room");
        bob.node("incoming-overlay"); // the ring would have started with the dialog, in the same FX event
        ann.awaitRing(Tone.RINGBACK);
        assertThat(bob.ringTone().playing()).isEmpty();
        ann.press("ringing-action");
        ann.awaitRing(null);
    }

    @Test
    void callerSeesBusyWhenThePeerIsInAnotherCall() throws Exception {
        longRings(); // Carol's ring to Bob must outlast the whole test
        UiClient ann = open("ann", "Ann Smith");
        UiClient bob = open("bob", "Bob Jones");
        meet(ann, bob, "room");
        SignalingClient carol = rig.signedUpClient(server.uri(), "carol");
        UiRig.createChannel(bob, "bob-and-carol");
        Invites.join(carol, server.uri(), "bob", UiRig.PASSWORD, "bob-and-carol");
        carol.ring("bob-and-carol", Media.AUDIO, null).get();
        bob.node("incoming-overlay");

        ann.press("call-audio-room");
        ann.awaitText("Bob Jones is busy in another call.");
    }

    @Test
    void aCallCancelledByTheCallerClosesTheIncomingDialog() {
        longRings();
        UiClient ann = open("ann", "Ann Smith");
        UiClient bob = open("bob", "Bob Jones");
        meet(ann, bob, "room");

        ann.press("call-audio-room");
        bob.node("incoming-overlay");
        assertThat(bob.ringTone().playing()).contains(Tone.INCOMING);
        ann.press("ringing-action");
        await(() -> !bob.has("incoming-overlay") && !ann.has("ringing-overlay"));
        bob.awaitRing(null);
        ann.awaitRing(null);
    }

    /** A server with the default ring timeout, for checks made while a call rings. */
    private void longRings() {
        server.close();
        server = rig.server("server-long-rings", s -> s);
    }

    private UiClient open(String user, String name) {
        return rig.signedUp(server.uri(), user, name);
    }

    private static void meet(UiClient ann, UiClient bob, String channel) {
        UiRig.createChannel(ann, channel);
        UiRig.joinWithInvite(ann, bob, channel);
        ann.awaitText("Bob Jones is online");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Waits.UI).until(condition);
    }
}
