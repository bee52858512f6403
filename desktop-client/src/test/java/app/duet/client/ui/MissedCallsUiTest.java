package app.duet.client.ui;

import app.duet.client.testing.Invites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.protocol.Event;
import app.duet.protocol.Media;

/** Missed calls on the channels screen: the badge after sign-in, Call back, one state for two windows of one user. */
class MissedCallsUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    @Test
    void aCallMissedWhileSignedOutShowsItsBadgeAfterSignInAndCallBackRings() throws Exception {
        TestServer server = rig.server();
        UiClient bob = rig.signedUp(server.uri(), "bob", "Bob Jones");
        UiRig.createChannel(bob, "room");
        SignalingClient ann = rig.signedUpClient(server.uri(), "ann");
        CompletableFuture<Event.CallIncoming> rung = new CompletableFuture<>();
        ann.addListener(new SignalingListener() {
            @Override
            public void onCallIncoming(Event.CallIncoming event) {
                rung.complete(event);
            }
        });
        Invites.join(ann, server.uri(), "bob", UiRig.PASSWORD, "room");
        bob.awaitText("ann is online");

        bob.press("log-out");
        bob.node("welcome-login");
        assertThatThrownBy(() -> ann.ring("room", Media.AUDIO, null).get()).hasMessageContaining("not connected");
        bob.press("welcome-login");
        UiRig.logIn(bob, "bob", UiRig.PASSWORD);
        bob.awaitScreen("Channels");

        await().atMost(Waits.UI).until(() -> bob.has("missed-badge-room"));
        assertThat(bob.text("missed-badge-room")).isEqualTo("1 missed");
        bob.press("call-back-room");

        Event.CallIncoming incoming = rung.get(Waits.UI.toSeconds(), TimeUnit.SECONDS);
        assertThat(incoming.channel()).isEqualTo("room");
        assertThat(incoming.media()).as("calls back with the missed call's media").isEqualTo(Media.AUDIO);
        bob.node("ringing-overlay");
        await().atMost(Waits.UI).until(() -> !bob.has("missed-badge-room"));
        bob.press("ringing-action");
    }

    @Test
    void twoWindowsOfOneUserShowOneMissedStateAndOpeningTheHistoryOnOneClearsTheOther() throws Exception {
        TestServer server = rig.server(s -> s.ringTimeout(Duration.ofSeconds(2)));
        UiClient bobHere = rig.signedUp(server.uri(), "bob", "Bob Jones");
        UiRig.createChannel(bobHere, "room");
        UiClient bobThere = rig.window(server.uri(), "bob-elsewhere");
        bobThere.press("welcome-login");
        UiRig.logIn(bobThere, "bob", UiRig.PASSWORD);
        bobThere.awaitScreen("Channels");
        SignalingClient ann = rig.signedUpClient(server.uri(), "ann");
        Invites.join(ann, server.uri(), "bob", UiRig.PASSWORD, "room");
        bobThere.awaitText("ann is online");

        ann.ring("room", Media.VIDEO, null).get(); // rings both windows; nobody answers within the 2 s
        await().atMost(Waits.UI).until(() -> bobHere.has("missed-badge-room") && bobThere.has("missed-badge-room"));
        assertThat(bobThere.text("missed-badge-room")).isEqualTo("1 missed");

        bobHere.press("history-room");
        bobHere.node("history-list-room");
        bobHere.awaitText("Missed video call");
        await().atMost(Waits.UI).until(() -> !bobThere.has("missed-badge-room") && !bobHere.has("missed-badge-room"));

        bobThere.press("history-room");
        bobThere.awaitText("Missed video call");
    }
}
