package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ConfigDir;
import app.duet.client.signaling.FileSessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.sound.RingTone.Tone;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.protocol.Media;

/** What the caller sees when a call does not happen: declined, busy, no answer; and a missed incoming call. */
class CallDialogsUiTest {
    @TempDir
    Path temp;

    private TestServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = TestServer.start(temp.resolve("server"), Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        server.close();
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
        SignalingClient carol = signalingUser("carol");
        bob.type("channel-name", "bob-and-carol");
        bob.press("channel-create");
        bob.node("channel-bob-and-carol"); // created on the server before Carol joins it
        carol.joinChannel("bob-and-carol").get();
        carol.ring("bob-and-carol", Media.AUDIO).get();
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
        server = TestServer.start(temp.resolve("server-long-rings"));
    }

    private UiClient open(String user, String name) {
        UiClient ui = UiClient.start(server.uri(), temp.resolve(user));
        toClose.add(ui);
        ui.press("welcome-signup");
        ui.type("signup-username", user);
        ui.type("signup-display-name", name);
        ui.type("signup-email", user + "@example.org");
        ui.type("signup-password", "correct horse");
        ui.type("signup-confirm", "correct horse");
        ui.press("signup-submit");
        ui.awaitScreen("Channels");
        return ui;
    }

    private SignalingClient signalingUser(String user) throws Exception {
        SignalingClient client = new SignalingClient(SignalingConfig.defaults(server.uri(), "test/1"),
                new FileSessionStore(new ConfigDir(temp.resolve(user))), Runnable::run);
        toClose.add(client);
        client.start();
        client.signup(user, user, user + "@example.org", "correct horse", false).get();
        return client;
    }

    private static void meet(UiClient ann, UiClient bob, String channel) {
        ann.type("channel-name", channel);
        ann.press("channel-create");
        ann.node("channel-" + channel); // created on the server before Bob joins it
        bob.type("channel-name", channel);
        bob.press("channel-join");
        ann.awaitText("Bob Jones is online");
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(UiClient.WAIT).until(condition);
    }
}
