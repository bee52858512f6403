package app.duet.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.Node;
import javafx.scene.control.Button;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.CallState;
import app.duet.client.call.FileTransferUpdate;
import app.duet.client.call.FileTransferUpdate.Direction;
import app.duet.client.call.FileTransferUpdate.Status;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;

/**
 * Ann offers Carol a file from her window and takes it back before Carol answers. The offer waits in Ann's
 * chat panel with a Withdraw button that the keyboard and a screen reader reach; withdrawing it tells Carol,
 * whose question goes away as cancelled, and Ann's list shows it cancelled.
 */
class WithdrawingAFileUiTest {
    @TempDir
    Path temp;

    private TestServer server;
    private UiRig rig;
    private final List<FileTransferUpdate> carolFiles = new CopyOnWriteArrayList<>();
    private volatile boolean carolDataOpen;

    @BeforeEach
    void startServer() {
        server = TestServer.start(temp.resolve("server"));
        rig = new UiRig(temp);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
        server.close();
    }

    @Test
    void annWithdrawsAnOfferCarolHasNotAnswered() throws Exception {
        Path report = Files.write(temp.resolve("report.pdf"), new byte[4096]);
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith", (owner, title) -> Optional.of(report));
        UiRig.createChannel(ann, "room");
        SignalingClient client = rig.signedUpClient(server.uri(), "carol");
        client.joinChannel("room").get();
        CallEngine carol = rig.engine(client, "carol", new CallEngineListener() {
            @Override
            public void fileTransfer(FileTransferUpdate update) {
                carolFiles.add(update);
            }

            @Override
            public void dataChannel(boolean open) {
                carolDataOpen = open;
            }
        });
        ann.awaitText("carol is online");
        carol.ring("room", false).get();
        ann.press("incoming-accept-audio");
        ann.awaitScreen("Call with carol");
        await().atMost(UiClient.WAIT).until(() -> carol.state() == CallState.CONNECTED && carolDataOpen);
        Button sendFile = ann.node("call-file");
        await().atMost(UiClient.WAIT).until(() -> !UiClient.onFx(sendFile::isDisabled));

        ann.press("call-file");
        String id = await().atMost(UiClient.WAIT).until(() -> carolFiles.stream()
                .filter(u -> u.direction() == Direction.INCOMING && u.status() == Status.OFFERED)
                .map(FileTransferUpdate::transferId).findFirst().orElse(null), Objects::nonNull);
        Node prompt = ann.node("file-sent-" + id);
        ann.awaitText("Waiting for carol to accept report.pdf (4.0 KB).");
        assertThat(UiClient.onFx(prompt::getAccessibleText))
                .isEqualTo("Waiting for carol to accept report.pdf (4.0 KB). You can withdraw it.");
        Button withdraw = UiClient.onFx(() -> (Button) prompt.lookup("#file-sent-withdraw"));
        assertThat(UiClient.onFx(() -> withdraw.isFocusTraversable() && withdraw.isVisible()))
                .as("reachable with the keyboard").isTrue();
        assertThat(UiClient.onFx(withdraw::getAccessibleText)).isEqualTo("Withdraw report.pdf, offered to carol");
        ann.run(withdraw::fire);

        await().atMost(UiClient.WAIT).until(() -> carolFiles.stream()
                .anyMatch(u -> u.transferId().equals(id) && u.status() == Status.CANCELLED));
        await().atMost(UiClient.WAIT).until(() -> !ann.has("file-sent-" + id));
        ann.awaitText("report.pdf — cancelled");
        ann.press("call-hangup");
        ann.awaitScreen("Channels");
    }
}
