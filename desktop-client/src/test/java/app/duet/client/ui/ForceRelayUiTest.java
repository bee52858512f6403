package app.duet.client.ui;

import app.duet.client.testing.Invites;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.Coturn;
import app.duet.client.call.IncomingCall;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.UiClient;
import app.duet.client.testing.Waits;

/**
 * "Always relay" applies to the next call without restarting Duet: Ann turns it on in Settings of a
 * running app, calls Dan (who does not force relay), and her call goes through a real coturn.
 */
class ForceRelayUiTest {
    private static final String SECRET = "ui-relay-secret";

    @TempDir
    Path temp;
    @RegisterExtension
    final UiRig rig = new UiRig(() -> temp);


    @Test
    void turningOnAlwaysRelayAppliesToTheNextCall() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        // Dan does not force the relay: Ann's relay reaches his host candidates on this machine's addresses.
        Coturn turn = rig.closeLater(Coturn.startForThisMachine(SECRET, temp.resolve("turn.log")));
        TestServer server = rig.server(s -> s.turnUrls(List.of(turn.url())).turnSecret(SECRET));
        UiClient ann = rig.signedUp(server.uri(), "ann", "Ann Smith");
        UiRig.createChannel(ann, "room");
        List<IncomingCall> rings = new CopyOnWriteArrayList<>();
        CallEngine dan = dan(server, rings);
        ann.awaitText("dan is online");

        ann.press("open-settings");
        ann.awaitText("Applies from the next call you make or answer");
        ann.press("settings-force-relay");
        ann.press("settings-back");
        ann.press("call-audio-room");
        await().atMost(Waits.UI).until(() -> !rings.isEmpty());
        dan.accept(app.duet.protocol.Media.AUDIO).get();

        ann.awaitScreen("Call with dan");
        await().atMost(Waits.UI).until(() -> ann.text("call-status").equals("Connected · relayed"));
        ann.press("call-hangup");
        ann.awaitScreen("Channels");
    }

    private CallEngine dan(TestServer server, List<IncomingCall> rings) throws Exception {
        SignalingClient client = rig.signedUpClient(server.uri(), "dan");
        Invites.join(client, server.uri(), "ann", UiRig.PASSWORD, "room");
        return rig.engine(client, "dan", new CallEngineListener() {
            @Override
            public void incomingCall(IncomingCall call) {
                rings.add(call);
            }
        });
    }
}
