package app.duet.client.call.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaEngineTest {

    @TempDir
    Path temp;

    @Test
    void sound_server_is_detected_from_env_or_socket_without_native_calls() throws IOException {
        assertThat(new SoundServerProbe(Map.of("PULSE_SERVER", "unix:/x")).soundServerLikely()).isTrue();
        Files.createDirectories(temp.resolve("pulse"));
        Files.createFile(temp.resolve("pulse/native"));
        assertThat(new SoundServerProbe(Map.of("XDG_RUNTIME_DIR", temp.toString())).soundServerLikely()).isTrue();
        assumeFalse(Files.exists(Path.of("/run/pulse/native")) || Files.exists(Path.of("/var/run/pulse/native")),
                "a system-wide PulseAudio socket exists");
        assertThat(new SoundServerProbe(Map.of("XDG_RUNTIME_DIR", temp.resolve("empty").toString()))
                .soundServerLikely()).isFalse();
    }

    @Test
    void without_a_sound_server_auto_falls_back_to_headless_and_lists_no_audio_devices() {
        try (MediaEngine engine = MediaEngine.start(AudioMode.AUTO, Map.of())) {
            assumeFalse(new SoundServerProbe(Map.of()).soundServerLikely(), "a system-wide PulseAudio socket exists");
            assertThat(engine.hasRealAudio()).isFalse();
            assertThat(engine.devices().microphones()).isEmpty();
            assertThat(engine.devices().speakers()).isEmpty();
            assertThat(engine.selectMicrophone("anything")).isFalse();
        }
    }

    @Test
    void a_missing_camera_falls_back_to_the_test_pattern_and_preview_closes_cleanly() {
        try (MediaEngine engine = MediaEngine.start(AudioMode.HEADLESS)) {
            VideoSources sources = new VideoSources(engine.devices(), new RobotDisplayCapturer());
            MediaSettings settings = MediaSettings.defaults("Jo").withCamera("no-such-camera");
            List<String> problems = new ArrayList<>();
            try (LocalVideoSource source = sources.cameraOrFallback(settings, problems::add)) {
                assertThat(source.kind()).isEqualTo(VideoSourceKind.SYNTHETIC);
            }
            assertThat(problems).containsExactly(
                    "The chosen camera is not connected. The other side sees a test pattern instead.");
            try (DevicePreview preview = DevicePreview.start(engine, "no-such-camera", null, 640, 480, 30)) {
                assertThat(preview.video()).isNull();
                assertThat(preview.microphoneLevel()).isZero();
            }
        }
    }

    @Test
    void a_closed_engine_refuses_new_work() {
        MediaEngine engine = MediaEngine.start(AudioMode.HEADLESS);
        engine.close();
        engine.close(); // idempotent
        assertThatThrownBy(engine::factory).isInstanceOf(IllegalStateException.class);
    }
}
