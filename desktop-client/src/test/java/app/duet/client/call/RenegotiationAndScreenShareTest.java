package app.duet.client.call;

import static app.duet.client.call.TwoPeerCallTest.awaitConnected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.RobotDisplayCapturer;
import app.duet.client.call.model.CallState;
import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Changing media mid-call: adding video to an audio call, and switching camera to screen and back. */
class RenegotiationAndScreenShareTest {

    private static final Duration WAIT = Waits.CALL;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path downloads;

    @Test
    void video_added_to_an_audio_call_by_either_side_renegotiates_and_keeps_audio() {
        MediaSettings audioOnly = MediaSettings.synthetic("Dora").withVideo(VideoChoice.NONE);
        try (CallPair pair = new CallPair(MEDIA.get(), audioOnly, downloads).start()) {
            awaitConnected(pair);
            await().atMost(WAIT).until(() -> pair.caller.remoteAudioLevel() > 0.05);
            assertThat(pair.caller.remoteVideo().publishedFrames()).isZero();

            pair.callee.useSyntheticVideo(); // the polite side offers
            awaitStampedFrames(pair.caller.remoteVideo());
            pair.caller.useSyntheticVideo(); // then the impolite side
            awaitStampedFrames(pair.callee.remoteVideo());

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(pair.caller.remoteAudioLevel()).isGreaterThan(0.05);
                assertThat(pair.callee.remoteAudioLevel()).isGreaterThan(0.05);
            });
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void screen_share_replaces_the_camera_track_without_renegotiation_and_back() {
        assumeTrue(System.getenv("DISPLAY") != null, "screen capture needs an X display");
        List<DisplayInfo> displays = new RobotDisplayCapturer().displays();
        assumeFalse(displays.isEmpty(), "no monitor to capture");
        DisplayInfo screen = displays.get(0);

        try (CallPair pair = new CallPair(MEDIA.get(), MediaSettings.synthetic("Erin"), downloads).start()) {
            awaitConnected(pair);
            awaitStampedFrames(pair.callee.remoteVideo());

            pair.caller.shareScreen(screen).join();
            await().atMost(WAIT).until(() -> pair.calleeEvents.lastRemoteMedia() != null
                    && pair.calleeEvents.lastRemoteMedia().screenSharing());
            LatestFrameHolder remote = pair.callee.remoteVideo();
            ArgbFrame shared = await().atMost(WAIT).until(remote::poll,
                    f -> f != null && f.width() != 640 && FrameStamp.decodeFrameNumber(f.toIntArray(), f.width(),
                            f.height()).isEmpty());
            double aspect = (double) screen.width() / screen.height();
            assertThat((double) shared.width() / shared.height()).isCloseTo(aspect, org.assertj.core.data.Offset.offset(0.05));

            pair.caller.stopScreenShare();
            awaitStampedFrames(remote);
            await().atMost(WAIT).until(() -> !pair.calleeEvents.lastRemoteMedia().screenSharing());
        }
    }

    private static void awaitStampedFrames(LatestFrameHolder holder) {
        await().atMost(WAIT).until(holder::poll, f -> f != null && f.width() == 640 && f.height() == 480
                && FrameStamp.decodeFrameNumber(f.toIntArray(), f.width(), f.height()).isPresent());
    }
}
