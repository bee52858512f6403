package app.duet.client.ui;

import app.duet.protocol.InviteLink;
import app.duet.client.testing.Invites;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;

/** Keyboard navigation and the help overlay, settings that stick, and the channel screen's error states. */
class KeyboardSettingsAndChannelsUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;
    private UiClient ui;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() {
        server = rig.server();
        ui = rig.window(server.uri(), "ann");
        ui.awaitScreen("Welcome");
    }

    @Test
    void tabMovesFocusAndF1OrQuestionMarkOpenTheHelp() {
        ui.run(() -> ui.stage().requestFocus());
        await(() -> ui.focusedId().equals("welcome-signup"));
        robot.type(KeyCode.TAB);
        await(() -> ui.focusedId().equals("welcome-login"));
        robot.type(KeyCode.TAB);
        await(() -> ui.focusedId().equals("welcome-server"));

        robot.type(KeyCode.F1);
        ui.node("help-overlay");
        ui.awaitText("Mute or unmute the microphone");
        ui.awaitText("While a call rings");
        ui.awaitText("Accept audio only (camera stays off)");
        ui.awaitText("While muted: hold to talk, release to mute again");
        robot.type(KeyCode.ESCAPE);
        await(() -> !ui.has("help-overlay"));

        ui.run(() -> ui.root().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED, "?", "",
                KeyCode.UNDEFINED, true, false, false, false)));
        ui.node("help-overlay");
        ui.press("help-close");
        await(() -> !ui.has("help-overlay"));
    }

    @Test
    void theSignUpFormOpensWithTheFocusOnItsFirstField() {
        javafx.scene.control.Button signUp = ui.node("welcome-signup");
        // Asked for as the screen is shown, not left to a race with the first layout pass (which gives the focus
        // to the first control, "← Back", when the request came too early to count).
        String focusedAsShown = UiClient.onFx(() -> {
            signUp.fire();
            Node owner = ui.stage().getScene().getFocusOwner();
            return owner == null ? "" : owner.getId();
        });
        assertThat(focusedAsShown).isEqualTo("signup-username");
        ui.awaitScreen("Sign up");
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(ui.focusedId()).as("after layout").isEqualTo("signup-username");
    }

    @Test
    void darkThemeAndRelayChoiceAreAppliedAndSaved() throws Exception {
        ui.press("welcome-settings");
        ui.awaitScreen("Settings");
        ui.press("settings-theme-dark");
        await(() -> UiClient.onFx(Application::getUserAgentStylesheet).contains("primer-dark"));
        ui.press("settings-force-relay");
        Path saved = temp.resolve("ann").resolve("settings.properties");
        await(() -> Files.exists(saved) && Files.readString(saved).contains("theme=DARK")
                && Files.readString(saved).contains("forceRelay=true"));
        ui.press("settings-theme-light");
        await(() -> UiClient.onFx(Application::getUserAgentStylesheet).contains("primer-light"));
        ui.press("settings-back");
        ui.awaitScreen("Welcome");
    }

    @Test
    void channelErrorsSayWhatToDo() throws Exception {
        UiRig.signUp(ui, "ann", "");
        ui.awaitText("No channels yet.");

        ui.type("channel-name", "nowhere");
        ui.press("channel-join");
        ui.awaitText("There is no channel with that name.");

        ui.type("channel-name", "Bad Name!");
        ui.press("channel-create");
        ui.awaitText("can't be a channel name");

        try (SignalingClient bob = rig.signedUpClient(server.uri(), "bob");
             SignalingClient carol = rig.signedUpClient(server.uri(), "carol")) {
            bob.createChannel("full-room").get();
            Invites.join(carol, bob, "full-room");
            ui.type("channel-name", "full-room");
            ui.press("channel-join");
            ui.awaitText("That channel is full: it already has two people.");

            bob.createChannel("with-bob").get();
            ui.type("channel-name", "with-bob");
            ui.press("channel-join");
            ui.awaitText("private");
            ui.type("channel-name", InviteLink.to(server.uri(), "with-bob", Invites.create(bob, "with-bob")).toDuetUri());
            ui.press("channel-join");
            ui.awaitText("bob is online");
            bob.deleteChannel("with-bob").get();
            ui.awaitText("The owner deleted the channel \"with-bob\".");
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Waits.UI).until(condition);
    }
}
