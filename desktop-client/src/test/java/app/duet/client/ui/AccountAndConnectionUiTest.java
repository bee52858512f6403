package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.control.Button;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;

/**
 * "Log out everywhere" with its confirmation, an account the admin disables while it is signed in, and what a
 * person sees when the server refuses with 4029.
 */
class AccountAndConnectionUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);


    @Test
    void logOutEverywhereAsksFirstThenSignsOutEveryDevice() throws Exception {
        TestServer server = rig.server();
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith");
        List<SignalingListener.SignOutReason> laptopSignOuts = new CopyOnWriteArrayList<>();
        SignalingClient laptop = rig.client(server.uri(), "laptop");
        laptop.addListener(new SignalingListener() {
            @Override
            public void onSignedOut(SignOutReason reason) {
                laptopSignOuts.add(reason);
            }
        });
        laptop.login("ann", "correct horse", false).get();

        ann.press("open-settings");
        ann.press("settings-logout-everywhere");
        assertThat(ann.has("settings-logout-everywhere-confirmation")).isTrue();
        assertThat(ann.visibleText()).contains("Log out of Duet on every device, this one included?");
        ann.press("settings-logout-everywhere-cancel");
        await().atMost(Waits.UI).until(() -> !ann.has("settings-logout-everywhere-confirmation"));
        assertThat(laptop.hasSession()).isTrue();

        ann.press("settings-logout-everywhere");
        javafx.scene.control.ScrollPane page = ann.node("settings-screen");
        ann.run(() -> page.setVvalue(1.0));
        new Screenshots().shoot(ann, "16-log-out-everywhere");
        ann.press("settings-logout-everywhere-confirm");
        ann.awaitScreen("Log in");
        ann.awaitText("You are logged out on every device.");
        await().atMost(Waits.UI).until(() -> laptopSignOuts.contains(SignalingListener.SignOutReason.SESSION_EXPIRED));
        assertThat(laptop.hasSession()).isFalse();
    }

    @Test
    void anAccountTheAdminDisablesIsSignedOutAndToldWhy() {
        TestServer server = rig.server();
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith");

        server.admin("user", "disable", "ann");

        ann.awaitScreen("Log in");
        ann.awaitText("This account is disabled on this server.");
        ann.awaitText("Ask the server's admin to enable it again.");
    }

    @Test
    void aRememberedSessionOfADisabledAccountEndsAtStartAndLoggingInSaysWhy() throws Exception {
        TestServer server = rig.server();
        try (SignalingClient earlier = rig.client(server.uri(), "ann")) { // keeps its session in ann's folder
            earlier.signup("ann", "Ann Smith", "ann@example.org", UiRig.PASSWORD, true).get();
        }
        server.admin("user", "disable", "ann");

        UiClient again = rig.window(server.uri(), "ann");

        again.awaitScreen("Log in"); // disabling ended the session the window remembered
        UiRig.logIn(again, "ann", UiRig.PASSWORD);
        again.awaitText("This account is disabled on this server.");
    }

    @Test
    void tooManyConnectionsFromTheNetworkIsExplainedAndNotHammered() {
        TestServer server = rig.server(s -> s.connectionsPerAddress(1).limitExemptAddresses(List.of()));
        SignalingClient blocker = rig.client(server.uri(), "blocker");
        await().atMost(Waits.UI).until(() -> blocker.state() == ConnectionState.CONNECTED);

        UiClient ann = rig.window(server.uri(), "ann");
        ann.awaitText("too many connections from your network");
        assertThat(ann.visibleText()).contains("Close Duet on other devices or windows here, or ask the server's admin "
                + "to raise the limit. Duet tries again in a few minutes.");
        assertThat(ann.visibleText()).contains("Too many connections from your network");
        new Screenshots().shoot(ann, "15-too-many-connections");

        blocker.close();
        Button retry = ann.node("retry-connection");
        await().atMost(Waits.UI).pollInterval(Duration.ofSeconds(1)).until(() -> {
            ann.run(retry::fire); // the person presses "Retry now" once there is room
            return !ann.visibleText().contains("too many connections from your network");
        });
        ann.awaitText("Connected");
    }
}
