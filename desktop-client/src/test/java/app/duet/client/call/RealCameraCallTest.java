package app.duet.client.call;

import static app.duet.client.testing.FakeCameraControl.CAMERA_0;
import static app.duet.client.testing.FakeCameraControl.CAMERA_1;
import static app.duet.client.testing.FakeCameraControl.NAME_0;
import static app.duet.client.testing.FakeCameraControl.NAME_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.AudioChoice;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.testing.FakeCameraControl;
import app.duet.client.testing.FakeCameras;
import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls with a real camera path (the camera helper process running libwebrtc's V4L2 capture) against the
 * fakecam shim's two cameras: camera 0 is solid red, camera 1 solid green, so the far side's decoded frames
 * tell which camera is being sent.
 */
@FakeCameras
class RealCameraCallTest {

    private static final Duration WAIT = Waits.SLOW_CALL;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @TempDir
    Path downloads;

    @Test
    void a_call_sends_the_default_camera_at_the_requested_size() {
        try (CallPair pair = cameraCall(640, 480)) {
            LatestFrameHolder remote = pair.callee.remoteVideo();
            await("the callee decodes red 640x480 frames").atMost(WAIT).until(() -> {
                ArgbFrame frame = remote.poll();
                return frame != null && frame.width() == 640 && frame.height() == 480 && colourOf(frame) == Seen.RED;
            });
            await().atMost(WAIT).untilAsserted(() -> {
                CallQuality q = pair.calleeEvents.lastQuality();
                assertThat(q).isNotNull();
                assertThat(q.incomingWidth()).isEqualTo(640);
                assertThat(q.incomingFps()).as("the camera runs at 30 fps").isGreaterThan(15);
            });
            assertThat(pair.callerEvents.problems).isEmpty();
            assertThat(FakeCameraControl.helpers()).as("one camera, one helper").hasSize(1);
        }
        await("the helper is gone once the call is over").atMost(WAIT).until(() -> FakeCameraControl.helpers().isEmpty());
    }

    @Test
    void a_camera_that_libwebrtc_aborts_as_it_starts_is_started_again(FakeCameraControl cameras) {
        cameras.loseNextStartRace();
        try (CallPair pair = cameraCall(640, 480)) {
            await("camera 0 (red), from a second helper").atMost(WAIT).until(() -> colourOf(pair.callee.remoteVideo()) == Seen.RED);
            assertThat(pair.callerEvents.problems).isEmpty();
        }
    }

    @Test
    void a_camera_helper_that_dies_mid_call_is_replaced_and_the_picture_comes_back() {
        try (CallPair pair = cameraCall(640, 480)) {
            LatestFrameHolder remote = pair.callee.remoteVideo();
            await("camera 0 (red)").atMost(WAIT).until(() -> colourOf(remote) == Seen.RED);
            long first = FakeCameraControl.helpers().get(0);

            FakeCameraControl.kill(first);
            await("a new helper").atMost(WAIT).until(() -> FakeCameraControl.helpers().stream().anyMatch(pid -> pid != first));
            remote.poll(); // forget frames sent before the new helper
            await("red frames again").atMost(WAIT).until(() -> colourOf(remote) == Seen.RED);
            assertThat(pair.callerEvents.problems).isEmpty();
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void a_camera_unplugged_mid_call_is_reported_and_the_far_side_gets_the_test_pattern(FakeCameraControl cameras) {
        try (CallPair pair = cameraCall(640, 480)) {
            LatestFrameHolder remote = pair.callee.remoteVideo();
            await("camera 0 (red)").atMost(WAIT).until(() -> colourOf(remote) == Seen.RED);

            cameras.unplug(0);

            await().atMost(WAIT).until(() -> !pair.callerEvents.problems.isEmpty());
            assertThat(pair.callerEvents.problems).containsExactly("The camera \"" + NAME_0
                    + "\" stopped working. The other side sees a test pattern instead.");
            await("the test pattern on the same track").atMost(WAIT).until(() -> colourOf(remote) == Seen.PATTERN);
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    @Test
    void switching_camera_mid_call_changes_what_the_far_side_sees_without_renegotiating() {
        try (CallPair pair = cameraCall(640, 480)) {
            LatestFrameHolder remote = pair.callee.remoteVideo();
            await("camera 0 (red)").atMost(WAIT).until(() -> colourOf(remote) == Seen.RED);
            int offers = pair.offersSent.get();

            pair.caller.useCamera(CAMERA_1);
            await("camera 1 (green)").atMost(WAIT).until(() -> colourOf(remote) == Seen.GREEN);

            pair.caller.useCamera(CAMERA_0);
            await("camera 0 again: it was released and opens again").atMost(WAIT)
                    .until(() -> colourOf(remote) == Seen.RED);

            assertThat(pair.offersSent.get()).as("a camera switch replaces the track, no new offer").isEqualTo(offers);
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
            assertThat(pair.callerEvents.problems).isEmpty();
        }
    }

    @Test
    void a_camera_that_cannot_start_is_reported_and_the_far_side_sees_the_test_pattern(FakeCameraControl cameras) {
        try (CallPair pair = cameraCall(640, 480)) {
            LatestFrameHolder remote = pair.callee.remoteVideo();
            await("camera 0 (red)").atMost(WAIT).until(() -> colourOf(remote) == Seen.RED);

            cameras.unplug(1); // still listed: the shim sends no udev event
            pair.caller.useCamera(CAMERA_1);

            await().atMost(WAIT).until(() -> !pair.callerEvents.problems.isEmpty());
            assertThat(pair.callerEvents.problems).containsExactly("The camera \"" + NAME_1
                    + "\" could not be started. The other side sees a test pattern instead.");
            await("the far side no longer sees camera 0 and keeps getting frames").atMost(WAIT)
                    .until(() -> colourOf(remote) == Seen.PATTERN || colourOf(remote) == Seen.OTHER);
            assertThat(pair.caller.state()).isEqualTo(CallState.CONNECTED);
        }
    }

    private CallPair cameraCall(int width, int height) {
        MediaSettings caller = MediaSettings.defaults("Cam").withAudio(AudioChoice.NONE).withSize(width, height, 30);
        MediaSettings callee = MediaSettings.synthetic("Pat").withAudio(AudioChoice.NONE);
        CallPair pair = new CallPair(MEDIA.get(), caller, callee, downloads, List.of(), false).start();
        TwoPeerCallTest.awaitConnected(pair);
        return pair;
    }

    private enum Seen { NOTHING, RED, GREEN, PATTERN, OTHER }

    /** What the latest remote frame shows, judged from its average colour and the synthetic pattern's stamp. */
    private static Seen colourOf(LatestFrameHolder remote) {
        ArgbFrame frame = remote.poll();
        return frame == null ? Seen.NOTHING : colourOf(frame);
    }

    private static Seen colourOf(ArgbFrame frame) {
        int[] pixels = frame.toIntArray();
        if (FrameStamp.decodeFrameNumber(pixels, frame.width(), frame.height()).isPresent()) {
            return Seen.PATTERN;
        }
        long r = 0, g = 0, b = 0;
        for (int p : pixels) {
            r += p >> 16 & 0xFF;
            g += p >> 8 & 0xFF;
            b += p & 0xFF;
        }
        r /= pixels.length;
        g /= pixels.length;
        b /= pixels.length;
        if (r > 200 && g < 60 && b < 60) {
            return Seen.RED;
        }
        return g > 200 && r < 60 && b < 60 ? Seen.GREEN : Seen.OTHER;
    }
}
