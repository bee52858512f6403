package app.duet.client.ui.settings;

import static app.duet.client.ui.settings.FakeDeviceAccess.camera;
import static app.duet.client.ui.settings.FakeDeviceAccess.microphone;
import static app.duet.client.ui.settings.FakeDeviceAccess.speaker;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.duet.client.config.ClientSettings;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.fakes.ManualExecutor;
import app.duet.client.ui.fakes.ManualTicker;
import app.duet.client.ui.fakes.TestPreferences;
import app.duet.client.ui.settings.FakeDeviceAccess.FakePreview;

class DeviceSettingsModelTest {
    private static final String SERVER = "ws://duet.example:8686";

    @TempDir
    Path config;
    private final FakeDeviceAccess access = new FakeDeviceAccess();
    private final ManualExecutor worker = new ManualExecutor();
    private final ManualTicker frames = new ManualTicker();
    private Preferences preferences;

    private DeviceSettingsModel open(ClientSettings saved) {
        preferences = TestPreferences.in(config, saved, worker);
        return new DeviceSettingsModel(access, new Background(worker, Runnable::run), preferences, frames);
    }

    private void everyKindAttached() {
        access.cameras = List.of(camera("cam-1", false), camera("cam-2", true));
        access.microphones = List.of(microphone("mic-1", true), microphone("mic-2", false));
        access.speakers = List.of(speaker("spk-1", false), speaker("spk-2", false));
    }

    private DeviceSettingsModel loadedWithEveryKind() {
        everyKindAttached();
        DeviceSettingsModel model = open(ClientSettings.defaults(SERVER).withDevices("", "mic-2", ""));
        model.load();
        worker.runAll();
        return model;
    }

    @Test
    void listsOnTheWorkerAndPicksTheSavedThenTheDefaultThenTheFirstDevice() {
        everyKindAttached();
        DeviceSettingsModel model = open(ClientSettings.defaults(SERVER).withDevices("", "mic-2", ""));

        model.load();
        assertThat(model.cameras()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Looking for devices…");
        worker.runAll();

        assertThat(model.cameras()).extracting(d -> d.id()).containsExactly("cam-1", "cam-2");
        assertThat(model.cameraProperty().get().id()).isEqualTo("cam-2");
        assertThat(model.microphoneProperty().get().id()).isEqualTo("mic-2");
        assertThat(model.speakerProperty().get().id()).isEqualTo("spk-1");
        assertThat(model.statusProperty().get()).isEmpty();
        assertThat(access.selected).as("filling the lists is not a choice").isEmpty();
        assertThat(preferences.get().microphone()).as("the saved choice is kept").isEqualTo("mic-2");
    }

    @Test
    void previewsTheChosenDevicesAndTheMeterFollowsTheMicrophoneEachFrame() {
        DeviceSettingsModel model = loadedWithEveryKind();
        FakePreview preview = access.lastPreview();

        assertThat(preview.cameraId).isEqualTo("cam-2");
        assertThat(preview.microphoneId).isEqualTo("mic-2");
        assertThat(model.previewVideoProperty().get()).isSameAs(preview.video);
        assertThat(frames.running()).isEqualTo(1);

        preview.level = 0.4;
        assertThat(model.levelProperty().get()).isZero();
        frames.tick();
        assertThat(model.levelProperty().get()).isEqualTo(0.4);
    }

    @Test
    void choosingADeviceUsesItSavesItAndRestartsThePreview() {
        DeviceSettingsModel model = loadedWithEveryKind();
        FakePreview first = access.lastPreview();

        model.microphoneProperty().set(model.microphones().get(0));
        worker.runAll();

        assertThat(access.selected).extracting(d -> d.id()).containsExactly("mic-1");
        assertThat(preferences.get().microphone()).isEqualTo("mic-1");
        assertThat(first.closed).isTrue();
        assertThat(access.lastPreview().microphoneId).isEqualTo("mic-1");
        assertThat(access.lastPreview().closed).isFalse();
        assertThat(frames.running()).isEqualTo(1);
    }

    @Test
    void stoppingThePreviewReleasesTheDevicesAndStopsTheMeter() {
        DeviceSettingsModel model = loadedWithEveryKind();
        access.lastPreview().level = 0.7;
        frames.tick();

        model.stopPreview();

        assertThat(frames.running()).isZero();
        assertThat(model.levelProperty().get()).isZero();
        assertThat(model.previewVideoProperty().get()).isNull();
        assertThat(access.lastPreview().closed).as("closed on the worker").isFalse();
        worker.runAll();
        assertThat(access.lastPreview().closed).isTrue();
    }

    @Test
    void aPreviewThatStartsAfterTheStopIsClosedNotShown() {
        access.microphones = List.of(microphone("mic-1", true));
        DeviceSettingsModel model = open(ClientSettings.defaults(SERVER));
        model.load();
        worker.runNext(); // lists the devices and asks for the preview

        model.stopPreview(); // the person leaves Settings before the preview is up
        worker.runAll();

        assertThat(access.lastPreview().closed).isTrue();
        assertThat(model.previewVideoProperty().get()).isNull();
        assertThat(frames.running()).isZero();
    }

    @Test
    void saysWhatIsMissing() {
        access.microphones = List.of(microphone("mic-1", true));
        DeviceSettingsModel noCamera = open(ClientSettings.defaults(SERVER));
        noCamera.load();
        worker.runAll();
        assertThat(noCamera.statusProperty().get()).isEqualTo("No camera found. Calls go on with audio only from your side.");

        access.microphones = List.of();
        access.cameras = List.of(camera("cam-1", true));
        DeviceSettingsModel noMicrophone = open(ClientSettings.defaults(SERVER));
        noMicrophone.load();
        worker.runAll();
        assertThat(noMicrophone.statusProperty().get()).startsWith("No microphone found.");

        access.cameras = List.of();
        int previews = access.previews.size();
        DeviceSettingsModel nothing = open(ClientSettings.defaults(SERVER));
        nothing.load();
        worker.runAll();
        assertThat(nothing.statusProperty().get()).startsWith("No camera or microphone found. You can still call");
        assertThat(access.previews).as("nothing to preview").hasSize(previews);
    }

    @Test
    void anEngineThatCannotPreviewSaysSo() {
        access.canPreview = false;

        DeviceSettingsModel model = loadedWithEveryKind();

        assertThat(model.previewUnavailableProperty().get()).isTrue();
        assertThat(frames.running()).isZero();
    }

    @Test
    void aListingFailureIsShown() {
        access.listingFails = new IllegalStateException("no audio system");
        DeviceSettingsModel model = open(ClientSettings.defaults(SERVER));

        model.load();
        worker.runAll();

        assertThat(model.statusProperty().get()).isEqualTo("Could not list devices: no audio system");
        assertThat(model.cameras()).isEmpty();
    }
}
