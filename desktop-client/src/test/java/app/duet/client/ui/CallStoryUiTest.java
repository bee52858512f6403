package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.stage.Window;

import app.duet.client.call.model.ChatMessage;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.SharedDesktop;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.client.ui.common.VideoView;

/**
 * The whole story through two real app windows in one JVM: sign up, meet in a channel, video call with
 * real libwebrtc peers (test pattern: no camera here), see each other, compare safety codes, chat, mute,
 * share the screen, hang up, log out.
 */
class CallStoryUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;

    @BeforeEach
    void startServer() {
        server = rig.server();
    }

    @Test
    void twoPeopleMeetCallSeeEachOtherChatMuteShareAndHangUp() throws Exception {
        UiClient ann = rig.window(server.uri(), "ann");
        UiClient bob = rig.window(server.uri(), "bob");
        UiRig.signUp(ann, "ann", "Ann Smith");
        UiRig.signUp(bob, "bob", "Bob Jones");

        UiRig.createChannel(ann, "ann-and-bob");
        UiRig.joinWithInvite(ann, bob, "ann-and-bob");
        ann.awaitText("Bob Jones is online");

        ann.press("call-video-ann-and-bob");
        ann.node("ringing-overlay");
        bob.node("incoming-overlay");
        assertThat(bob.text("incoming-caller")).isEqualTo("Ann Smith");
        bob.awaitRing(app.duet.client.sound.RingTone.Tone.INCOMING);
        ann.awaitRing(app.duet.client.sound.RingTone.Tone.RINGBACK);
        bob.press("incoming-accept-video");
        bob.awaitRing(null);
        ann.awaitRing(null);

        ann.awaitScreen("Call with Bob Jones");
        bob.awaitScreen("Call with Ann Smith");
        assertThat(ann.callTicker().running()).as("one call screen, one ticker").isEqualTo(1);
        assertThat(bob.callTicker().running()).isEqualTo(1);
        await().atMost(Waits.UI).until(() -> ann.text("call-status").startsWith("Connected")
                && bob.text("call-status").startsWith("Connected"));
        VideoView annSees = ann.node("call-remote-video");
        VideoView bobSees = bob.node("call-remote-video");
        VideoView annSelf = ann.node("call-self-view");
        VideoView bobSelf = bob.node("call-self-view");
        await().atMost(Waits.UI).until(() -> UiClient.onFx(annSees::drawnFrames) > 5
                && UiClient.onFx(bobSees::drawnFrames) > 5 && UiClient.onFx(annSelf::drawnFrames) > 5
                && UiClient.onFx(bobSelf::drawnFrames) > 5);
        await().atMost(Waits.UI).until(() -> !ann.text("call-safety-code").isEmpty());
        assertThat(ann.text("call-safety-code")).isEqualTo(bob.text("call-safety-code"));
        new Screenshots().shoot(ann, "11-call");

        ann.press("call-quality"); // the details: round trip, loss, resolutions and rates, path
        await().atMost(Waits.UI).until(() -> ann.has("call-quality-details")
                && ann.text("call-quality-details").startsWith("Round trip")
                && !ann.text("call-quality-details").contains("Receiving: 0×0"));
        // A call on one machine: libwebrtc measures 0 ms (whole milliseconds), which reads "< 1 ms", never "0 ms".
        assertThat(ann.text("call-quality-details")).doesNotContain("Round trip: 0 ms");
        new Screenshots().shoot(ann, "17-call-quality");
        ann.press("call-quality");
        await().atMost(Waits.UI).until(() -> !ann.has("call-quality-details"));

        ann.press("call-chat");
        ann.type("chat-input", "Hello Bob, can you see me?");
        ann.press("chat-send");
        ListView<ChatMessage> bobChat = bob.node("chat-messages");
        await().atMost(Waits.UI).until(() -> UiClient.onFx(() -> bobChat.getItems().stream()
                .anyMatch(m -> !m.fromMe() && m.text().equals("Hello Bob, can you see me?"))));

        Button mic = ann.node("call-mic");
        assertThat(UiClient.onFx(mic::getAccessibleText)).isEqualTo("Microphone on — press to mute");
        ann.press("call-mic");
        assertThat(UiClient.onFx(mic::getAccessibleText))
                .isEqualTo("Microphone muted — press to unmute, or hold Space to talk");
        bob.awaitText("Ann Smith muted their microphone");

        if (System.getenv("DISPLAY") != null) {
            shareTheDesktop(ann, bob);
        }

        ann.press("call-hangup");
        ann.awaitScreen("Channels");
        bob.awaitScreen("Channels");
        bob.awaitText("Call ended: Ann Smith hung up.");
        assertThat(ann.callTicker().running()).as("the call screen stopped ticking").isZero();
        assertThat(bob.callTicker().running()).isZero();

        bob.press("ringing-action");
        ann.press("log-out");
        bob.press("log-out");
        ann.awaitScreen("Welcome");
        bob.awaitScreen("Welcome");
    }

    /** Ann shares a screen showing a document; Bob sees it (its blue title bar) in his big picture. */
    private static void shareTheDesktop(UiClient ann, UiClient bob) throws Exception {
        try (SharedDesktop desktop = SharedDesktop.show()) {
            ann.press("call-share");
            ContextMenu picker = await().atMost(Waits.UI).until(() -> UiClient.onFx(() -> Window.getWindows()
                    .stream().filter(ContextMenu.class::isInstance).map(ContextMenu.class::cast)
                    .filter(Window::isShowing).findFirst().orElse(null)), m -> m != null);
            ann.run(() -> picker.getItems().get(0).fire());
            Button share = ann.node("call-share");
            await().atMost(Waits.UI).until(() -> UiClient.onFx(share::getAccessibleText)
                    .startsWith("Sharing your screen"));
            bob.awaitText("Ann Smith is sharing their screen");
            VideoView bobSees = bob.node("call-remote-video");
            await().atMost(Waits.UI).until(() -> UiClient.onFx(() -> titleBarPixels(bobSees)) > 100);
            new Screenshots().shoot(bob, "12-call-screen-shared");
        }
    }

    /** How many pixels of the picture are (about) the shared document's title bar blue; video coding shifts colours. */
    private static int titleBarPixels(VideoView view) {
        javafx.scene.image.WritableImage image = view.snapshot(null, null);
        java.awt.Color blue = SharedDesktop.TITLE_BAR;
        int found = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int argb = image.getPixelReader().getArgb(x, y);
                if (Math.abs((argb >> 16 & 0xFF) - blue.getRed()) < 40
                        && Math.abs((argb >> 8 & 0xFF) - blue.getGreen()) < 40
                        && Math.abs((argb & 0xFF) - blue.getBlue()) < 40) {
                    found++;
                }
            }
        }
        return found;
    }
}
