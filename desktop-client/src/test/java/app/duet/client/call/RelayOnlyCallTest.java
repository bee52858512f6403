package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.MediaEngine;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.TestServer;
import app.duet.client.testing.Waits;
import app.duet.protocol.Media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay-only call through a real coturn: the signaling server hands out TURN REST credentials for it,
 * both engines force relay, and the stats show relay candidates carrying the media.
 */
class RelayOnlyCallTest {

    private static final Duration WAIT = Waits.SLOW_CALL;
    private static final String SECRET = "relay-test-secret";

    @TempDir
    Path temp;

    @Test
    void media_flows_through_turn_when_relay_is_forced() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        EngineListener annEvents = new EngineListener();
        EngineListener bobEvents = new EngineListener();
        try (MediaEngine media = EngineRig.headlessMedia(); EngineRig rig = new EngineRig(media, temp)) {
            Coturn turn = rig.closeLater(Coturn.start(SECRET, temp.resolve("turn.log")));
            TestServer server = rig.closeLater(TestServer.start(temp.resolve("server"),
                    s -> s.turnUrls(List.of(turn.url())).turnSecret(SECRET)));
            SignalingClient annClient = rig.client(server.uri());
            SignalingClient bobClient = rig.client(server.uri());
            EngineRig.annAndBobShareARoom(annClient, bobClient);
            CallEngine ann = rig.engine(annClient, annEvents, "ann");
            CallEngine bob = rig.engine(bobClient, bobEvents, "bob");
            ann.controls().setForceRelay(true);
            bob.controls().setForceRelay(true);

            ann.ring("room", true).join();
            await().atMost(WAIT).until(() -> !bobEvents.incoming.isEmpty());
            bob.accept(Media.VIDEO).join();

            await().atMost(WAIT).until(() -> ann.state() == CallState.CONNECTED && bob.state() == CallState.CONNECTED);
            await().atMost(WAIT).until(() -> bob.controls().remoteVideo().publishedFrames() > 10
                    && ann.controls().remoteVideo().publishedFrames() > 10);
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
    }
}
