package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.DuetLauncher;
import app.duet.client.config.ConfigDir;
import app.duet.client.instance.InstanceAddress;
import app.duet.client.instance.InstanceMessage;
import app.duet.client.instance.SingleInstance;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.FrameTap;
import app.duet.client.testing.Invites;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.protocol.InviteLink;

/**
 * Invite links reaching the app: a second start of Duet (the real launcher, in its own JVM) hands its link to the
 * running window, which signs in on the link's server and joins with the invite; a link to another server is
 * asked about; a socket left by a crash does not stop a start.
 */
class DeepLinkUiTest {
    private static final String TOKEN = "Qm8d2LxV7pT0cRw3aZk9YbN";

    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);
    private final Screenshots camera = new Screenshots();

    @Test
    void aSecondStartHandsItsLinkToTheRunningWindowWhichSignsInThereAndJoinsWithTheInvite() throws Exception {
        TestServer server = rig.server();
        FrameTap tap = rig.closeLater(FrameTap.inFrontOf(server.uri()));
        SignalingClient owner = rig.signedUpClient(server.uri(), "olga");
        owner.createChannel("tea").get();
        String token = Invites.create(owner, "tea");
        UiClient ui = rig.window(URI.create("ws://127.0.0.1:" + TestServer.unusedPort()), "ann");
        ui.awaitScreen("Welcome");
        ui.run(ui.stage()::hide); // closed to the tray: the link must bring the window back

        String link = "duet://127.0.0.1:" + tap.getPort() + "/join/tea?invite=" + token;
        Process second = launch(temp.resolve("ann"), link);
        assertThat(second.waitFor(Waits.PROCESS_EXIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();

        await().atMost(Waits.UI).until(() -> UiClient.onFx(ui.stage()::isShowing));
        ui.awaitText("Sign up or log in on 127.0.0.1:" + tap.getPort() + " to join \"tea\".");
        assertThat(ui.<javafx.scene.control.TextField>node("welcome-server").getText())
                .isEqualTo("127.0.0.1:" + tap.getPort());
        camera.shoot(ui, "19-link-sign-in");
        UiRig.signUp(ui, "ann", "Ann");

        ui.node("channel-tea");
        ui.awaitText("You joined \"tea\".");
        assertThat(tap.heard()).anySatisfy(frame -> assertThat(frame)
                .contains("\"type\":\"channel_join\"").contains("\"name\":\"tea\"").contains("\"invite\":\"" + token + "\""));
        await().atMost(Waits.SIGNALING).until(() -> owner.listChannels().get().channels().get(0).members().size() == 2);
    }

    @Test
    void signedInTheLinkJoinsAtOnceAndALinkToAnotherServerIsAskedAboutFirst() throws Exception {
        TestServer server = rig.server();
        SignalingClient owner = rig.signedUpClient(server.uri(), "olga");
        owner.createChannel("tea").get();
        String token = Invites.create(owner, "tea");
        UiClient ui = rig.signedUp(server.uri(), "ann", "Ann");
        InstanceAddress address = addressOf(temp.resolve("ann"));

        handOver(address, "duet://127.0.0.1:" + server.uri().getPort() + "/join/tea?invite=" + token);
        ui.node("channel-tea");
        ui.awaitText("You joined \"tea\".");

        handOver(address, "duet://duet.example.org/join/cake?invite=" + TOKEN);
        ui.node("link-switch");
        ui.awaitText("Switch to duet.example.org?");
        camera.shoot(ui, "20-link-switch");
        ui.press("link-switch-no");
        await().atMost(Waits.UI).until(() -> !ui.has("link-switch"));
        assertThat(ui.title()).startsWith("Channels");
        assertThat(ui.app().preferences().get().serverUri()).isEqualTo(server.uri().toString());

        handOver(address, "duet://127.0.0.1:" + server.uri().getPort() + "/join/nowhere?invite=" + TOKEN);
        ui.awaitText("Couldn't join \"nowhere\" with this link.");
        ui.awaitText("Ask the person who sent it for a new link.");
        ui.press("link-problem-ok");
    }

    @Test
    void aSocketLeftByACrashDoesNotStopAStartAndABadLinkIsExplained() throws Exception {
        TestServer server = rig.server();
        InstanceAddress address = addressOf(temp.resolve("ann"));
        Files.createDirectories(address.socket().getParent());
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(address.socket())); // closed below without removing its file
        }
        assertThat(address.socket()).exists();

        UiClient ui = rig.window(server.uri(), "ann");
        ui.awaitScreen("Welcome");

        handOver(address, "duet://not a link");
        ui.awaitText("That is not a Duet invite link.");
        camera.shoot(ui, "21-link-problem");
        ui.press("link-problem-ok");
        await().atMost(Waits.UI).until(() -> !ui.has("link-problem"));
    }

    /** What a second start does, from this JVM: it must find the window's socket and be taken. */
    private static void handOver(InstanceAddress address, String link) throws Exception {
        assertThat(SingleInstance.claim(address, InstanceMessage.of(link))).isEmpty();
    }

    private static InstanceAddress addressOf(Path configDir) throws Exception {
        return InstanceAddress.of(new ConfigDir(configDir), System.getenv(), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name"));
    }

    /** The real launcher in a JVM of its own, as the desktop starts it for a clicked link. */
    private static Process launch(Path configDir, String link) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), DuetLauncher.class.getName(),
                "--config-dir", configDir.toString(), link));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(configDir.resolveSibling("second-start.log").toFile());
        return builder.start();
    }
}
