package app.duet.client.ui;

import app.duet.client.testing.Invites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.input.KeyCode;

import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;

/**
 * Walks through every screen and error state that needs no call media and photographs each in light and
 * dark, small and large. Each image must show more than one colour (a blank or failed render fails).
 */
class ScreenshotsTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;
    private final Screenshots camera = new Screenshots();
    private final List<Path> shots = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = rig.server();
    }

    @Test
    void everyScreenRendersInBothThemesAndSizes() throws Exception {
        UiClient ui = rig.window(server.uri(), "ann");
        ui.awaitText("Connected");
        shots.addAll(camera.shoot(ui, "01-welcome"));

        // A plain ws:// address of another computer is asked about before anything is sent there.
        ui.type("welcome-server", "ws://duet.example.org");
        ui.press("welcome-login");
        ui.awaitText("The connection to duet.example.org would not be encrypted");
        shots.addAll(camera.shoot(ui, "18-welcome-unencrypted"));
        ui.press("welcome-unencrypted-cancel");
        await().atMost(Waits.UI).until(() -> !ui.has("welcome-unencrypted"));
        assertThat(ui.<javafx.scene.control.TextField>node("welcome-server").getText())
                .isEqualTo("127.0.0.1:" + server.uri().getPort());
        assertThat(ui.title()).startsWith("Welcome");

        ui.press("welcome-signup");
        ui.type("signup-username", "ann");
        ui.type("signup-display-name", "Ann Smith");
        ui.type("signup-email", "ann@example.org");
        ui.type("signup-password", "short");
        ui.type("signup-confirm", "short");
        ui.press("signup-submit");
        ui.awaitText("too short");
        shots.addAll(camera.shoot(ui, "02-signup-error"));

        ui.type("signup-password", "correct horse");
        ui.type("signup-confirm", "correct horse");
        ui.press("signup-submit");
        ui.awaitScreen("Channels");
        ui.type("channel-name", "ann-and-bob");
        ui.press("channel-create");
        ui.awaitText("created");
        ui.press("channel-invite-ann-and-bob");
        ui.press("invite-create");
        ui.awaitText("Link ready.");
        shots.addAll(camera.shoot(ui, "13-invite"));
        ui.press("invite-close");

        try (SignalingClient bob = rig.client(server.uri(), "bob")) {
            bob.signup("bob", "Bob Jones", "bob@example.org", "correct horse", false).get();
            Invites.join(bob, server.uri(), "ann", "correct horse", "ann-and-bob");
            ui.awaitText("Bob Jones is online");
            shots.addAll(camera.shoot(ui, "03-channels"));

            bob.ring("ann-and-bob", Media.VIDEO, null).get();
            ui.node("incoming-overlay");
            shots.addAll(camera.shoot(ui, "04-incoming-call"));
            ui.press("incoming-decline");

            ui.press("call-audio-ann-and-bob");
            ui.node("ringing-overlay");
            shots.addAll(camera.shoot(ui, "05-ringing"));
            ui.press("ringing-action");
            await().atMost(Waits.UI).until(() -> !ui.has("ringing-overlay"));

            String unanswered = bob.ring("ann-and-bob", Media.VIDEO, null).get().callId();
            ui.node("incoming-overlay");
            bob.cancel(unanswered).get();
            await().atMost(Waits.UI).until(() -> ui.has("missed-badge-ann-and-bob") && !ui.has("incoming-overlay"));
            shots.addAll(camera.shoot(ui, "11-missed-call"));
            ui.press("history-ann-and-bob");
            ui.awaitText("Missed video call");
            shots.addAll(camera.shoot(ui, "12-call-history"));
            ui.press("history-ann-and-bob");
        }

        ui.run(() -> ui.root().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED,
                "", "", KeyCode.F1, false, false, false, false)));
        ui.node("help-overlay");
        shots.addAll(camera.shoot(ui, "06-help"));
        ui.press("help-close");

        ui.press("open-settings");
        ui.awaitScreen("Settings");
        ui.awaitText("No camera");
        shots.addAll(camera.shoot(ui, "07-settings"));
        ui.press("settings-back");
        ui.awaitScreen("Channels");

        ui.press("log-out");
        ui.press("welcome-login");
        UiRig.logIn(ui, "ann", "wrong password");
        ui.awaitText("Wrong username or password.");
        shots.addAll(camera.shoot(ui, "08-login-error"));

        ui.press("login-forgot");
        ui.type("reset-login", "ann");
        ui.press("reset-request");
        ui.awaitText("a reset code is on its way");
        shots.addAll(camera.shoot(ui, "09-reset-password"));

        server.stop();
        ui.awaitText("Connection to the server lost. Reconnecting");
        shots.addAll(camera.shoot(ui, "10-reconnecting"));

        for (Path shot : shots) {
            assertThat(distinctColours(shot)).as(shot.toString()).isGreaterThan(8);
        }
    }

    private static long distinctColours(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
