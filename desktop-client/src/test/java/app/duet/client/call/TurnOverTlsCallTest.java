package app.duet.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.IceServerConfig;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TURN over TLS, for networks that let only web traffic out: coturn with the shipped configuration and its TLS
 * listener, a Duet server that hands out nothing but the {@code turns:} URL, and two libwebrtc peers that may
 * only relay. The listener's certificate is made by the test, so no root libwebrtc trusts signs it: the clients
 * as shipped refuse it, and with the check off for this one server the call relays over TLS.
 */
class TurnOverTlsCallTest {

    private static final String SECRET = "tls-turn-secret";
    private static final Duration WAIT = Waits.SLOW_CALL;
    /** coturn's verbose log when a client closes a TLS connection. */
    private static final String TLS_DROPPED = "TLS/TCP socket disconnected";
    /** A session's end in coturn's verbose log, when it received any packet from the client ("rp=0" if none). */
    private static final String ANY_PACKET_RECEIVED = "usage: realm=<[^>]*>, username=<[^>]*>, rp=[1-9]";

    @TempDir
    Path temp;

    @Test
    void a_call_relayed_only_through_turns_goes_over_tls_and_carries_video() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        try (MediaEngine media = EngineRig.headlessMedia(); EngineRig rig = new EngineRig(media, temp)) {
            Coturn turn = rig.closeLater(Coturn.start(SECRET, temp.resolve("turn.log")));
            SignalingClient ann = rig.client(rig.serverHandingOut(turn.tlsUrl(), SECRET).uri());
            ann.signup("ann", "Ann", "ann@example.org", "correct horse", false).join();

            List<IceServerConfig> handedOut = new IceServerLookup(ann).fetch().join();
            assertThat(handedOut).singleElement().satisfies(server -> {
                assertThat(server.urls()).containsExactly(turn.tlsUrl()); // "?transport=tcp" passed through as given
                assertThat(server.username()).endsWith(":ann");
                assertThat(server.checkTlsCertificate()).isTrue();
            });
            List<IceServerConfig> unchecked = handedOut.stream().map(IceServerConfig::withoutTlsCertificateCheck).toList();
            MediaSettings video = MediaSettings.synthetic("Ann").withSize(320, 240, 15);
            try (CallPair pair = new CallPair(media, video, video.withDisplayName("Bob"), temp, unchecked, true).start()) {
                TwoPeerCallTest.awaitConnected(pair);
                await().atMost(WAIT).untilAsserted(() -> {
                    CallQuality quality = pair.callerEvents.lastQuality();
                    assertThat(quality).isNotNull();
                    assertThat(quality.localCandidateType()).isEqualTo("relay");
                    assertThat(quality.localRelayProtocol()).isEqualTo("tls");
                    assertThat(quality.bitrateInKbps()).isPositive();
                });
                await().atMost(WAIT).until(() -> pair.caller.remoteVideo().publishedFrames() > 10
                        && pair.callee.remoteVideo().publishedFrames() > 10);
                assertThat(pair.calleeEvents.lastQuality().localRelayProtocol()).isEqualTo("tls");
            }
        }
    }

    @Test
    void clients_as_shipped_refuse_a_turns_server_whose_certificate_no_trusted_root_signs() throws Exception {
        assumeTrue(Coturn.installed(), "coturn is installed by scripts/install-deps.sh");
        EngineListener annEvents = new EngineListener();
        EngineListener bobEvents = new EngineListener();
        try (MediaEngine media = EngineRig.headlessMedia(); EngineRig rig = new EngineRig(media, temp)) {
            Coturn turn = rig.closeLater(Coturn.start(SECRET, temp.resolve("turn.log")));
            EngineRig.RelayOnlyCall call = rig.relayOnlyCallAccepted(rig.serverHandingOut(turn.tlsUrl(), SECRET).uri(),
                    annEvents, bobEvents);
            CallEngine ann = call.ann();
            CallEngine bob = call.bob();

            // libwebrtc opened the TLS connection, saw the certificate, and closed it without one TURN request.
            await().atMost(WAIT).untilAsserted(() -> assertThat(turn.log()).contains(TLS_DROPPED));
            assertThat(turn.log()).doesNotContainPattern(ANY_PACKET_RECEIVED);
            assertThat(ann.state()).isNotEqualTo(CallState.CONNECTED);
            assertThat(bob.state()).isNotEqualTo(CallState.CONNECTED);
            ann.hangup().join();
        }
    }
}
