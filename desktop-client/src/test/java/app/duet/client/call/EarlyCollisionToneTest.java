package app.duet.client.call;

import static app.duet.client.call.TwoPeerCallTest.awaitConnected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.model.CallState;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both sides add video the moment the call connects, so the offer collision (and the callee's rollback) falls
 * inside the first few hundred milliseconds of the call. The tone must be heard both ways.
 *
 * <p>What this found (libwebrtc M138 in webrtc-java 0.14.0): the caller's tone is sent (outbound-rtp packets
 * grow), received and decoded at the callee (inbound-rtp audioLevel ~0.3, concealed samples flat), and mixed
 * for playout, but the callee's remote audio <em>track sink</em> stops receiving samples at the rollback. The
 * rollback clears the transceiver's channel and the next offer creates a new one; the receiver re-attaches
 * its sink only when the SSRC changes, and it does not. {@code PeerMedia#remoteAudioLevel} therefore falls
 * back to the decoded level from the stats when the sink goes quiet. Java taps on that track (the echo bot's
 * forwarding) stay starved for the rest of such a call.
 */
class EarlyCollisionToneTest {

    private static final Duration WAIT = Waits.CALL;
    /** Each side has its own engine, as two separate processes would. */
    @RegisterExtension
    static final SharedMediaEngine CALLER_MEDIA = new SharedMediaEngine();
    @RegisterExtension
    static final SharedMediaEngine CALLEE_MEDIA = new SharedMediaEngine();

    @TempDir
    Path downloads;

    @RepeatedTest(4)
    void tone_flows_both_ways_after_a_collision_right_after_connecting() {
        MediaSettings audioOnly = MediaSettings.synthetic("Kim").withSize(320, 240, 15).withVideo(VideoChoice.NONE);
        try (CallPair pair = new CallPair(CALLER_MEDIA.get(), CALLEE_MEDIA.get(), audioOnly, audioOnly, downloads,
                List.of(), false).start()) {
            awaitConnected(pair);
            pair.caller.useSyntheticVideo();
            pair.callee.useSyntheticVideo();
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(pair.caller.remoteVideo().publishedFrames()).as("video at the caller").isGreaterThan(10);
                assertThat(pair.callee.remoteVideo().publishedFrames()).as("video at the callee").isGreaterThan(10);
            });
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(pair.callee.remoteAudioLevel()).as("caller's tone at the callee").isGreaterThan(0.05);
                assertThat(pair.caller.remoteAudioLevel()).as("callee's tone at the caller").isGreaterThan(0.05);
            });
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
            assertThat(pair.callee.state()).isEqualTo(CallState.CONNECTED);
        }
    }
}
