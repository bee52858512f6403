package app.duet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.DeviceInfo;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.config.ClientSettings;
import app.duet.client.config.ConfigDir;
import app.duet.client.config.SettingsStore;
import app.duet.client.testing.PrivateSoundServer;
import app.duet.client.testing.SoundServer;
import app.duet.client.testing.Waits;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.FrameTicker;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.settings.DeviceSettingsModel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings' device page on the real audio module: the lists come from the sound server and the level meter
 * (the view model's property, driven by the FX pulse) follows the chosen microphone.
 */
@PrivateSoundServer
class DevicePreviewSoundTest {


    @TempDir
    Path home;
    private MediaEngine media;
    private ExecutorService worker;
    private DeviceSettingsModel model;

    @BeforeAll
    static void startFx() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        started.join();
    }

    @BeforeEach
    void openSettings() {
        media = MediaEngine.start(AudioMode.AUTO);
        worker = Executors.newSingleThreadExecutor();
        Background background = new Background(worker, Platform::runLater);
        String server = "ws://127.0.0.1:1";
        Preferences preferences = new Preferences(new SettingsStore(new ConfigDir(home), server),
                ClientSettings.defaults(server), background);
        model = new DeviceSettingsModel(new EngineDevices(Optional::empty, () -> Optional.of(media)), background,
                preferences, new FrameTicker());
    }

    @AfterEach
    void closeSettings(SoundServer sound) throws Exception {
        // stopPreview hands the close to the (single) worker; a marker queued after it says it ran.
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Platform.runLater(() -> {
            model.stopPreview();
            worker.execute(() -> closed.complete(null));
        });
        closed.get(10, TimeUnit.SECONDS);
        worker.shutdown();
        media.close();
        await("the preview let go of the microphone").atMost(Waits.DEVICE)
                .untilAsserted(() -> assertThat(sound.recordingSources()).isEmpty());
    }

    @Test
    void the_level_meter_shows_the_sine_microphone_and_falls_silent_on_the_silent_one(SoundServer sound) {
        Platform.runLater(model::load);
        await("the default microphone chosen").atMost(Waits.DEVICE).until(() -> model.microphoneProperty().get() != null);
        assertThat(model.microphones()).extracting(DeviceInfo::id)
                .containsExactlyInAnyOrder(SoundServer.TONE_MIC, SoundServer.SILENT_MIC);
        assertThat(model.microphoneProperty().get().id()).isEqualTo(SoundServer.TONE_MIC);
        assertThat(model.speakers()).extracting(DeviceInfo::id)
                .containsExactlyInAnyOrder(SoundServer.SPEAKER_A, SoundServer.SPEAKER_B);

        await("the meter shows the sine").atMost(Waits.DEVICE).until(() -> model.levelProperty().get() > 0.1);

        DeviceInfo silent = model.microphones().stream().filter(d -> d.id().equals(SoundServer.SILENT_MIC))
                .findFirst().orElseThrow();
        Platform.runLater(() -> model.microphoneProperty().set(silent));
        await("the meter stays at silence for a second").during(Duration.ofSeconds(1)).atMost(Waits.DEVICE)
                .until(() -> model.levelProperty().get() < 0.005);
        assertThat(sound.recordingSources()).as("only the preview records").containsExactly(SoundServer.SILENT_MIC);
    }
}
