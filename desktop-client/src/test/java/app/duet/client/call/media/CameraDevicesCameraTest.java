package app.duet.client.call.media;

import static app.duet.client.testing.FakeCameraControl.CAMERA_0;
import static app.duet.client.testing.FakeCameraControl.CAMERA_1;
import static app.duet.client.testing.FakeCameraControl.NAME_0;
import static app.duet.client.testing.FakeCameraControl.NAME_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.duet.client.testing.SharedMediaEngine;
import app.duet.client.call.video.ArgbFrame;
import app.duet.client.call.video.FrameStamp;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.testing.FakeCameraControl;
import app.duet.client.testing.FakeCameras;
import app.duet.client.testing.Waits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real camera path (webrtc-java's udev listing, and the camera helper process over libwebrtc's V4L2
 * capture) against the fakecam shim's two cameras: camera 0 paints solid red, camera 1 solid green.
 */
@FakeCameras
class CameraDevicesCameraTest {

    private static final Duration WAIT = Waits.DEVICE;
    @RegisterExtension
    static final SharedMediaEngine MEDIA = new SharedMediaEngine();

    @Test
    void the_camera_list_names_both_cameras_and_the_first_is_the_default() {
        List<DeviceInfo> cameras = MEDIA.get().devices().cameras();

        assertThat(cameras).extracting(DeviceInfo::name).containsExactly(NAME_0, NAME_1);
        assertThat(cameras).extracting(DeviceInfo::id).containsExactly(CAMERA_0, CAMERA_1);
        assertThat(cameras).filteredOn(DeviceInfo::isDefault).extracting(DeviceInfo::id).containsExactly(CAMERA_0);
    }

    @Test
    void each_camera_delivers_its_own_picture_at_the_requested_size() {
        try (DevicePreview preview = DevicePreview.start(MEDIA.get(), null, null, 640, 480, 30)) {
            awaitFrame(preview.video(), 640, 480, 0xFF0000);
        }
        try (DevicePreview preview = DevicePreview.start(MEDIA.get(), CAMERA_1, null, 1280, 720, 30)) {
            awaitFrame(preview.video(), 1280, 720, 0x00FF00);
        }
    }

    @Test
    void a_camera_that_cannot_start_is_reported_and_sends_the_test_pattern(FakeCameraControl cameras) {
        assertThat(MEDIA.get().devices().cameras()).hasSize(2);
        cameras.unplug(1);
        // webrtc-java keeps its first non-empty list and updates it only from udev events: still listed.
        assertThat(MEDIA.get().devices().cameras()).extracting(DeviceInfo::name).contains(NAME_1);
        List<String> problems = new CopyOnWriteArrayList<>();

        try (DevicePreview preview = DevicePreview.start(MEDIA.get(), CAMERA_1, null, 640, 480, 30)) {
            await("a picture that is not the camera's").atMost(WAIT).until(() -> {
                ArgbFrame frame = preview.video().poll();
                return frame != null && FrameStamp.decodeFrameNumber(frame.toIntArray(), frame.width(), frame.height()).isPresent();
            });
        }
        VideoSources sources = new VideoSources(MEDIA.get().devices(), new RobotDisplayCapturer());
        try (LocalVideoSource source = sources.cameraOrFallback(
                MediaSettings.defaults("Jo").withCamera(CAMERA_1), problems::add)) {
            await("the problem, told").atMost(WAIT).until(() -> !problems.isEmpty());
        }
        assertThat(problems).containsExactly(
                "The camera \"" + NAME_1 + "\" could not be started. The other side sees a test pattern instead.");

        try (DevicePreview preview = DevicePreview.start(MEDIA.get(), CAMERA_0, null, 640, 480, 30)) {
            awaitFrame(preview.video(), 640, 480, 0xFF0000); // the other camera still starts
        }
    }

    /** Waits for a frame of this size whose average colour is close to {@code rgb} (each channel within 60). */
    private static void awaitFrame(LatestFrameHolder video, int width, int height, int rgb) {
        await(width + "x" + height + " frames of colour " + Integer.toHexString(rgb)).atMost(WAIT).until(() -> {
            ArgbFrame frame = video.poll();
            return frame != null && frame.width() == width && frame.height() == height
                    && Math.abs(channel(average(frame), 16) - channel(rgb, 16)) < 60
                    && Math.abs(channel(average(frame), 8) - channel(rgb, 8)) < 60
                    && Math.abs(channel(average(frame), 0) - channel(rgb, 0)) < 60;
        });
    }

    private static int average(ArgbFrame frame) {
        long r = 0, g = 0, b = 0;
        int[] pixels = frame.toIntArray();
        for (int p : pixels) {
            r += channel(p, 16);
            g += channel(p, 8);
            b += channel(p, 0);
        }
        return (int) (r / pixels.length) << 16 | (int) (g / pixels.length) << 8 | (int) (b / pixels.length);
    }

    private static int channel(int rgb, int shift) {
        return rgb >> shift & 0xFF;
    }
}
