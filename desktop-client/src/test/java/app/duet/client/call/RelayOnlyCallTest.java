package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.signaling.SessionStore;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingConfig;
import app.duet.server.DuetServer;
import app.duet.server.config.ServerConfig;
import app.duet.protocol.Media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay-only call through a real coturn: the signaling server hands out TURN REST credentials for it,
 * both engines force relay, and the stats show relay candidates carrying the media.
 */
class RelayOnlyCallTest {

    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String SECRET = "relay-test-secret";

    @TempDir
    Path temp;

    @Test
    void media_flows_through_turn_when_relay_is_forced() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        ExecutorService ui = Executors.newSingleThreadExecutor();
        EngineListener annEvents = new EngineListener();
        EngineListener bobEvents = new EngineListener();
        try (Coturn turn = Coturn.start(SECRET, temp.resolve("turn.log"));
             DuetServer server = DuetServer.start(ServerConfig.builder().port(0).opsPort(-1)
                     .dataDir(temp.resolve("server")).bcryptCost(4)
                     .turnUrls(List.of(turn.url())).turnSecret(SECRET).build());
             MediaEngine media = MediaEngine.start(AudioMode.HEADLESS);
             SignalingClient annClient = client(server, ui);
             SignalingClient bobClient = client(server, ui)) {
            annClient.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();
            bobClient.signup("bob", "Bob", "bob@example.org", "battery staple", false).join();
            annClient.createChannel("room").join();
            bobClient.joinChannel("room").join();

            try (CallEngine ann = engine(annClient, media, annEvents, ui, "ann");
                 CallEngine bob = engine(bobClient, media, bobEvents, ui, "bob")) {
                ann.ring("room", true).join();
                await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
                bob.accept(Media.VIDEO).join();

                await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
                await().atMost(WAIT).until(() -> bob.remoteVideo().publishedFrames() > 10
                        && ann.remoteVideo().publishedFrames() > 10);
                await().atMost(WAIT).untilAsserted(() -> {
                    CallQuality quality = annEvents.lastQuality();
                    assertThat(quality).isNotNull();
                    assertThat(quality.path()).isEqualTo(CallQuality.NetworkPath.RELAY);
                    assertThat(quality.localCandidateType()).isEqualTo("relay");
                    assertThat(quality.bitrateInKbps()).isPositive();
                });
                assertThat(bobEvents.lastQuality().path()).isEqualTo(CallQuality.NetworkPath.RELAY);
                ann.hangup().join();
            }
        } finally {
            ui.shutdownNow();
        }
    }

    private CallEngine engine(SignalingClient client, MediaEngine media, EngineListener events, ExecutorService ui,
                              String name) {
        CallEngineSettings settings = new CallEngineSettings(MediaSettings.synthetic(name).withSize(320, 240, 15),
                AudioMode.HEADLESS, true, temp.resolve(name));
        return new CallEngine(client, media, false, settings, events, ui);
    }

    private static SignalingClient client(DuetServer server, ExecutorService ui) {
        SignalingClient client = new SignalingClient(SignalingConfig.defaults(server.uri(), "duet-relay-test/1"),
                SessionStore.none(), ui);
        client.start();
        return client;
    }
}
