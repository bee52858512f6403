package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;

import app.duet.client.call.CallEnd;
import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;

/**
 * Bob's window, driven by keys alone, answers Carol (a call engine with synthetic media) for real: Ctrl+Shift+D
 * declines, Ctrl+Shift+V accepts with video, Ctrl+Shift+A audio only; the ringing dialog fits the smallest window
 * without a scrollbar. In the call, Space held while muted lets Carol hear him until it comes up (not while he
 * types in the chat). After the call the focus is on the card of the call's channel, to call back from there.
 */
class KeyboardCallUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private final FxRobot robot = new FxRobot();
    private final List<CallEnd> carolEnds = new CopyOnWriteArrayList<>();
    private final List<CallQuality> carolQuality = new CopyOnWriteArrayList<>();
    private volatile RemoteMediaState bobAsCarolSeesHim = RemoteMediaState.INITIAL;
    private UiClient bob;
    private CallEngine carol;

    @BeforeEach
    void bobAndCarolShareARoom() throws Exception {
        TestServer server = rig.server();
        bob = rig.signedUp(server.uri(), "bob", "Bob Jones");
        UiRig.createChannel(bob, "room");
        carol = rig.engineInChannel(server.uri(), "carol", "bob", "room", new CallEngineListener() {
            @Override
            public void callEnded(String callId, CallEnd how) {
                carolEnds.add(how);
            }

            @Override
            public void remoteMedia(RemoteMediaState state) {
                bobAsCarolSeesHim = state;
            }

            @Override
            public void quality(CallQuality quality) {
                carolQuality.add(quality);
            }
        });
        bob.awaitText("carol is online");
    }

    @Test
    void theRingingDialogFitsTheSmallestWindowAndItsShortcutsDeclineAndAcceptWithVideo() throws Exception {
        carol.ring("room", true).get();
        bob.node("incoming-overlay");
        for (double[] size : Screenshots.SIZES) {
            bob.run(() -> {
                bob.stage().setWidth(size[0]);
                bob.stage().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents(4);
            assertFitsWithoutScrolling(size);
        }
        assertThat(bob.visibleText()).contains("Ctrl+Shift+V", "Ctrl+Shift+A", "Ctrl+Shift+D or Esc");
        keys(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        await(() -> carolEnds.contains(CallEnd.DECLINED));
        await(() -> !bob.has("incoming-overlay"));

        answerByKey(KeyCode.V);
        Button camera = bob.node("call-camera");
        assertThat(UiClient.onFx(camera::getAccessibleText)).isEqualTo("Camera on — press to turn off");
        await(() -> bobAsCarolSeesHim.cameraOn() && carol.controls().remoteVideo().publishedFrames() > 0);
        carol.hangup().get();
        bob.node("call-ended-overlay");
        keys(KeyCode.ESCAPE);
        await(() -> !bob.has("call-ended-overlay"));
        await(() -> bob.focusedId().equals("call-video-room"));
    }

    @Test
    void audioOnlyByKeyThenSpaceTalksWhileMutedAndTheFocusReturnsToTheCard() throws Exception {
        answerByKey(KeyCode.A);
        Button camera = bob.node("call-camera");
        assertThat(UiClient.onFx(camera::getAccessibleText)).isEqualTo("Camera off — press to turn on");

        keys(KeyCode.CONTROL, KeyCode.D);
        await(() -> !bobAsCarolSeesHim.microphoneOn());
        focusWindow();
        robot.press(KeyCode.SPACE);
        await(() -> bobAsCarolSeesHim.microphoneOn());
        assertThat(bob.has("call-talking")).as("the call screen shows he is live").isTrue();
        assertThat(bob.text("call-talking")).isEqualTo("Talking — release Space to mute again");
        robot.release(KeyCode.SPACE);
        await(() -> !bobAsCarolSeesHim.microphoneOn());
        assertThat(bob.has("call-talking")).isFalse();

        keys(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        Node chatInput = bob.node("chat-input");
        bob.run(chatInput::requestFocus);
        robot.press(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bob.has("call-talking")).as("a space typed in the chat is a space").isFalse();
        robot.release(KeyCode.SPACE);

        // A real call's round trip: measured by now on one machine, it reads in whole milliseconds or "< 1 ms".
        await(() -> carolQuality.stream().anyMatch(q -> !Double.isNaN(q.roundTripMs())));
        bob.press("call-hangup");
        bob.awaitScreen("Channels");
        await(() -> bob.focusedId().equals("call-video-room"));
    }

    /** Carol rings with video; Bob answers with Ctrl+Shift+{@code key}; the call connects. */
    private void answerByKey(KeyCode key) throws Exception {
        carol.ring("room", true).get();
        bob.node("incoming-overlay");
        keys(KeyCode.CONTROL, KeyCode.SHIFT, key);
        bob.awaitScreen("Call with carol");
        await(() -> carol.state() == CallState.CONNECTED);
    }

    private void assertFitsWithoutScrolling(double[] size) {
        Region dialog = bob.node("incoming-overlay");
        UiClient.onFx(() -> {
            Region scroller = (Region) dialog.getParent().getParent().getParent(); // viewport content, viewport, pane
            assertThat(dialog.prefHeight(dialog.getWidth())).as("needs at " + size[0] + "x" + size[1])
                    .isLessThanOrEqualTo(scroller.getHeight());
            assertThat(scroller.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                    .filter(b -> b.getOrientation() == Orientation.VERTICAL).noneMatch(Node::isVisible))
                    .as("no scrollbar at " + size[0] + "x" + size[1]).isTrue();
            for (String id : List.of("#incoming-accept-video", "#incoming-accept-audio", "#incoming-decline")) {
                Bounds button = dialog.lookup(id).localToScene(dialog.lookup(id).getBoundsInLocal());
                assertThat(button.getMaxY()).as(id).isLessThanOrEqualTo(bob.stage().getScene().getHeight());
            }
            return null;
        });
    }

    private void keys(KeyCode... keys) {
        focusWindow();
        robot.press(keys);
        robot.release(keys);
    }

    private void focusWindow() {
        bob.run(() -> bob.stage().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Waits.UI).until(condition);
    }
}
