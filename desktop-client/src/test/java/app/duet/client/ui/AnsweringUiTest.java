package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.FileTransferUpdate.Direction;
import app.duet.client.call.model.FileTransferUpdate.Status;
import app.duet.client.testing.Screenshots;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;
import app.duet.client.ui.common.VideoView;

/**
 * Bob's window answers Carol, a call engine with synthetic media (as the headless client uses). Accepting
 * a video call "audio only" never opens Bob's camera. A file sent to Bob is a question, not a download:
 * he declines one — Carol sees it declined and nothing is written — and accepts another, which arrives intact.
 * A file Bob offers waits in his chat panel with Withdraw, reachable by keyboard and screen reader, until Carol
 * answers; withdrawing it takes the question away from Carol too.
 */
class AnsweringUiTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);

    private TestServer server;
    private UiClient bob;
    private CallEngine carol;
    private final List<FileTransferUpdate> carolFiles = new CopyOnWriteArrayList<>();
    private volatile boolean carolDataOpen;
    private volatile Path bobPicks; // the file Bob chooses when he sends one

    @BeforeEach
    void startServer() {
        server = rig.server();
    }

    @Test
    void acceptingAVideoCallAudioOnlyNeverOpensTheCamera() throws Exception {
        bobAndCarolShareARoom();

        carol.ring("room", true).get();
        assertThat(bob.text("incoming-accept-audio")).isEqualTo("Accept audio only");
        bob.press("incoming-accept-audio");
        bob.awaitScreen("Call with carol");
        await().atMost(Waits.UI).until(() -> carol.state() == CallState.CONNECTED);
        VideoView carolOnBobsScreen = bob.node("call-remote-video");
        VideoView bobsSelfView = bob.node("call-self-view");
        // Carol's video reaches Bob: time enough for Bob's camera to have shown frames, had it opened.
        await().atMost(Waits.UI).until(() -> UiClient.onFx(carolOnBobsScreen::drawnFrames) > 10
                && carol.controls().selfView().publishedFrames() > 10);

        assertThat(UiClient.onFx(bobsSelfView::isVisible)).as("no self-view in an audio-only answer").isFalse();
        assertThat(UiClient.onFx(bobsSelfView::drawnFrames)).as("the camera never opened").isZero();
        assertThat(carol.controls().remoteVideo().publishedFrames()).as("Carol receives no video from Bob").isZero();
        Button camera = bob.node("call-camera");
        assertThat(UiClient.onFx(camera::getAccessibleText)).isEqualTo("Camera off — press to turn on");
        bob.press("call-hangup");
        bob.awaitScreen("Channels");
    }

    @Test
    void bobIsAskedBeforeAFileArrivesAndCarolSeesHisAnswer() throws Exception {
        bobAndCarolShareARoom();

        carol.ring("room", false).get();
        bob.press("incoming-accept-audio");
        bob.awaitScreen("Call with carol");
        await().atMost(Waits.UI).until(() -> carol.state() == CallState.CONNECTED && carolDataOpen);

        Path unwanted = Files.write(temp.resolve("unwanted.exe"), new byte[2048]);
        String declined = carol.controls().sendFile(unwanted);
        Node prompt = bob.node("file-offer-" + declined);
        assertThat(bob.visibleText()).contains("carol wants to send you unwanted.exe (2.0 KB).");
        assertThat(UiClient.onFx(prompt::getAccessibleText)).isEqualTo(
                "carol wants to send you unwanted.exe (2.0 KB). Accept or decline.");
        Button decline = UiClient.onFx(() -> (Button) prompt.lookup("#file-offer-decline"));
        Button accept = UiClient.onFx(() -> (Button) prompt.lookup("#file-offer-accept"));
        assertThat(UiClient.onFx(() -> accept.isFocusTraversable() && decline.isFocusTraversable()
                && accept.isVisible() && decline.isVisible())).as("reachable with the keyboard").isTrue();
        assertThat(UiClient.onFx(decline::getAccessibleText)).isEqualTo("Decline unwanted.exe from carol");
        bob.run(decline::fire);

        await().atMost(Waits.UI).until(() -> hasStatus(declined, Status.DECLINED));
        await().atMost(Waits.UI).until(() -> !bob.has("file-offer-" + declined));
        bob.awaitText("unwanted.exe — declined");

        byte[] wanted = "the minutes of the meeting".getBytes();
        String accepted = carol.controls().sendFile(Files.write(temp.resolve("minutes.txt"), wanted));
        Node second = bob.node("file-offer-" + accepted);
        new Screenshots().shoot(bob, "14-chat-and-files");
        bob.run(() -> ((Button) second.lookup("#file-offer-accept")).fire());

        await().atMost(Waits.UI).until(() -> hasStatus(accepted, Status.COMPLETED));
        ListView<FileTransferUpdate> transfers = bob.node("chat-transfers");
        FileTransferUpdate received = await().atMost(Waits.UI).until(() -> UiClient.onFx(() -> transfers.getItems()
                .stream().filter(t -> t.transferId().equals(accepted) && t.status() == Status.COMPLETED).findFirst()
                .orElse(null)), t -> t != null);
        try {
            assertThat(Files.readAllBytes(received.savedTo())).isEqualTo(wanted);
            assertThat(UiClient.onFx(() -> transfers.getItems().stream().noneMatch(t -> t.transferId().equals(declined)
                    && t.savedTo() != null))).isTrue();
        } finally {
            Files.deleteIfExists(received.savedTo()); // may be the real ~/Downloads
        }
        carol.hangup().get();
        bob.awaitScreen("Channels");
    }

    @Test
    void bobWithdrawsAFileCarolHasNotAnswered() throws Exception {
        bobPicks = Files.write(temp.resolve("report.pdf"), new byte[4096]);
        bobAndCarolShareARoom();
        carol.ring("room", false).get();
        bob.press("incoming-accept-audio");
        bob.awaitScreen("Call with carol");
        await().atMost(Waits.UI).until(() -> carol.state() == CallState.CONNECTED && carolDataOpen);
        Button sendFile = bob.node("call-file");
        await().atMost(Waits.UI).until(() -> !UiClient.onFx(sendFile::isDisabled));

        bob.press("call-file");
        String id = await().atMost(Waits.UI).until(() -> carolFiles.stream()
                .filter(u -> u.direction() == Direction.INCOMING && u.status() == Status.OFFERED)
                .map(FileTransferUpdate::transferId).findFirst().orElse(null), Objects::nonNull);
        Node prompt = bob.node("file-sent-" + id);
        bob.awaitText("Waiting for carol to accept report.pdf (4.0 KB).");
        assertThat(UiClient.onFx(prompt::getAccessibleText))
                .isEqualTo("Waiting for carol to accept report.pdf (4.0 KB). You can withdraw it.");
        Button withdraw = UiClient.onFx(() -> (Button) prompt.lookup("#file-sent-withdraw"));
        assertThat(UiClient.onFx(() -> withdraw.isFocusTraversable() && withdraw.isVisible()))
                .as("reachable with the keyboard").isTrue();
        assertThat(UiClient.onFx(withdraw::getAccessibleText)).isEqualTo("Withdraw report.pdf, offered to carol");
        bob.run(withdraw::fire);

        await().atMost(Waits.UI).until(() -> carolFiles.stream()
                .anyMatch(u -> u.transferId().equals(id) && u.status() == Status.CANCELLED));
        await().atMost(Waits.UI).until(() -> !bob.has("file-sent-" + id));
        bob.awaitText("report.pdf — cancelled");
        bob.press("call-hangup");
        bob.awaitScreen("Channels");
    }

    private boolean hasStatus(String id, Status status) {
        return carolFiles.stream().anyMatch(u -> u.transferId().equals(id) && u.direction() == Direction.OUTGOING
                && u.status() == status);
    }

    /** Bob's window and Carol's engine, both in the channel "room". */
    private void bobAndCarolShareARoom() throws Exception {
        bob = rig.signedUp(server.uri(), "bob", "Bob Jones", (owner, title) -> Optional.ofNullable(bobPicks));
        UiRig.createChannel(bob, "room");
        carol = rig.engineInChannel(server.uri(), "carol", "bob", "room", new CallEngineListener() {
            @Override
            public void fileTransfer(FileTransferUpdate update) {
                carolFiles.add(update);
            }

            @Override
            public void dataChannel(boolean open) {
                carolDataOpen = open;
            }
        });
        bob.awaitText("carol is online");
    }
}
