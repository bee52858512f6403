package app.duet.client.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.CallEngineSettings;
import app.duet.client.call.Coturn;
import app.duet.client.call.IncomingCall;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.config.ConfigDir;
import app.duet.client.signaling.FileSessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.client.testing.UiClient;
import app.duet.server.DuetServer;
import app.duet.server.config.ServerConfig;

/**
 * "Always relay" applies to the next call without restarting Duet: Ann turns it on in Settings of a
 * running app, calls Dan (who does not force relay), and her call goes through a real coturn.
 */
class ForceRelayUiTest {
    private static final String SECRET = "ui-relay-secret";

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void turningOnAlwaysRelayAppliesToTheNextCall() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"));
        toClose.add(turn);
        DuetServer server = DuetServer.start(ServerConfig.builder().port(0).opsPort(-1).dataDir(temp.resolve("server"))
                .bcryptCost(4).turnUrls(List.of(turn.url())).turnSecret(SECRET).build());
        toClose.add(server);
        UiClient ann = UiClient.start(server.uri(), temp.resolve("ann"));
        toClose.add(ann);
        AnsweringUiTest.signUp(ann, "ann", "Ann Smith");
        ann.type("channel-name", "room");
        ann.press("channel-create");
        ann.node("channel-room"); // created on the server before Dan joins it
        List<IncomingCall> rings = new CopyOnWriteArrayList<>();
        CallEngine dan = dan(server, rings);
        ann.awaitText("dan is online");

        ann.press("open-settings");
        ann.awaitText("Applies from the next call you make or answer");
        ann.press("settings-force-relay");
        ann.press("settings-back");
        ann.press("call-audio-room");
        await().atMost(UiClient.WAIT).until(() -> !rings.isEmpty());
        dan.accept(app.duet.protocol.Media.AUDIO).get();

        ann.awaitScreen("Call with dan");
        await().atMost(UiClient.WAIT).until(() -> ann.text("call-status").equals("Connected · relayed"));
        ann.press("call-hangup");
        ann.awaitScreen("Channels");
    }

    private CallEngine dan(DuetServer server, List<IncomingCall> rings) throws Exception {
        SignalingClient client = new SignalingClient(SignalingConfig.defaults(server.uri(), "test/1"),
                new FileSessionStore(new ConfigDir(temp.resolve("dan"))), Runnable::run);
        toClose.add(client);
        client.start();
        client.signup("dan", "dan", "dan@example.org", "correct horse", false).get();
        client.joinChannel("room").get();
        MediaEngine media = MediaEngine.start(AudioMode.HEADLESS);
        toClose.add(media);
        CallEngine engine = new CallEngine(client, media, false, new CallEngineSettings(
                MediaSettings.synthetic("dan").withSize(320, 240, 15), AudioMode.HEADLESS, false,
                temp.resolve("dan-downloads")), new CallEngineListener() {
                    @Override
                    public void incomingCall(IncomingCall call) {
                        rings.add(call);
                    }
                }, Runnable::run);
        toClose.add(engine);
        return engine;
    }
}
