package app.duet.client.ui.settings;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.call.media.DeviceInfo;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.config.ClientSettings;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Preferences;
import app.duet.client.ui.common.Ticker;

/**
 * Camera, microphone and speaker choice with a live preview and level meter. Devices are listed and
 * opened on a worker; an empty list means "none found", and calls then go on without that device.
 */
public final class DeviceSettingsModel {
    private static final Logger log = LoggerFactory.getLogger(DeviceSettingsModel.class);

    private final DeviceAccess access;
    private final Background background;
    private final Preferences preferences;
    private final ObservableList<DeviceInfo> cameras = FXCollections.observableArrayList();
    private final ObservableList<DeviceInfo> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceInfo> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceInfo> camera = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceInfo> microphone = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceInfo> speaker = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LatestFrameHolder> previewVideo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper level = new ReadOnlyDoubleWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper previewUnavailable =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Looking for devices…");
    private final Ticker frames;
    /** Moves the level meter while a preview runs; null otherwise. */
    private Ticker.Ticking meter;
    private DeviceAccess.Preview preview;
    /** False while the lists are being filled, so selecting the saved devices is not taken as a new choice. */
    private boolean loaded;
    /** Bumped by every stop, so a preview that finishes starting after a stop is closed, not shown. */
    private int previewGeneration;

    /** {@code frames} paces the level meter (the display's frames in the app, by hand in tests). */
    public DeviceSettingsModel(DeviceAccess access, Background background, Preferences preferences, Ticker frames) {
        this.access = access;
        this.background = background;
        this.preferences = preferences;
        this.frames = frames;
        camera.addListener((obs, old, now) -> chosen(now));
        microphone.addListener((obs, old, now) -> chosen(now));
        speaker.addListener((obs, old, now) -> chosen(now));
    }

    public ObservableList<DeviceInfo> cameras() {
        return cameras;
    }

    public ObservableList<DeviceInfo> microphones() {
        return microphones;
    }

    public ObservableList<DeviceInfo> speakers() {
        return speakers;
    }

    public ObjectProperty<DeviceInfo> cameraProperty() {
        return camera;
    }

    public ObjectProperty<DeviceInfo> microphoneProperty() {
        return microphone;
    }

    public ObjectProperty<DeviceInfo> speakerProperty() {
        return speaker;
    }

    public ReadOnlyObjectProperty<LatestFrameHolder> previewVideoProperty() {
        return previewVideo.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty levelProperty() {
        return level.getReadOnlyProperty();
    }

    /** True when the engine cannot preview devices outside a call. */
    public javafx.beans.property.ReadOnlyBooleanProperty previewUnavailableProperty() {
        return previewUnavailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Lists the devices, selects the saved (or default) ones and starts the preview. */
    public void load() {
        background.supply(() -> List.of(access.cameras(), access.microphones(), access.speakers()))
                .whenComplete((lists, error) -> {
                    if (error != null) {
                        log.warn("Could not list devices", error);
                        status.set("Could not list devices: " + Background.cause(error).getMessage());
                        return;
                    }
                    loaded = false;
                    // Read once: each pick below saves all three choices, the ones not picked yet as none.
                    ClientSettings saved = preferences.get();
                    cameras.setAll(lists.get(0));
                    microphones.setAll(lists.get(1));
                    speakers.setAll(lists.get(2));
                    camera.set(pick(cameras, saved.camera()));
                    microphone.set(pick(microphones, saved.microphone()));
                    speaker.set(pick(speakers, saved.speaker()));
                    loaded = true;
                    status.set(describe());
                    restartPreview();
                });
    }

    public void stopPreview() {
        previewGeneration++;
        if (meter != null) {
            meter.stop();
            meter = null;
        }
        previewVideo.set(null);
        DeviceAccess.Preview running = preview;
        preview = null;
        level.set(0);
        if (running != null) {
            background.run(running::close);
        }
    }

    private void chosen(DeviceInfo device) {
        preferences.update(s -> s.withDevices(id(camera.get()), id(microphone.get()), id(speaker.get())));
        if (device != null && loaded) {
            background.run(() -> access.select(device));
        }
        if (preview != null) {
            restartPreview();
        }
    }

    private void restartPreview() {
        stopPreview();
        String cam = camera.get() == null ? null : camera.get().id();
        String mic = microphone.get() == null ? null : microphone.get().id();
        if (cam == null && mic == null) {
            return;
        }
        int generation = previewGeneration;
        background.supply(() -> access.startPreview(cam, mic)).whenComplete((started, error) -> {
            if (error == null && generation != previewGeneration) {
                started.ifPresent(p -> background.run(p::close));
                return;
            }
            if (error != null) {
                status.set("The preview could not start: " + Background.cause(error).getMessage());
                return;
            }
            if (started.isEmpty()) {
                previewUnavailable.set(true);
                return;
            }
            preview = started.get();
            previewVideo.set(preview.video());
            meter = frames.start(() -> level.set(preview == null ? 0 : preview.microphoneLevel()));
        });
    }

    private String describe() {
        if (cameras.isEmpty() && microphones.isEmpty()) {
            return "No camera or microphone found. You can still call: the other person will see your name "
                    + "and you can chat and share your screen.";
        }
        if (cameras.isEmpty()) {
            return "No camera found. Calls go on with audio only from your side.";
        }
        if (microphones.isEmpty()) {
            return "No microphone found. The other person will not hear you; use the chat instead.";
        }
        return "";
    }

    private static DeviceInfo pick(List<DeviceInfo> devices, String savedId) {
        Optional<DeviceInfo> saved = devices.stream().filter(d -> d.id().equals(savedId)).findFirst();
        return saved.or(() -> devices.stream().filter(DeviceInfo::isDefault).findFirst())
                .or(() -> devices.stream().findFirst()).orElse(null);
    }

    private static String id(DeviceInfo device) {
        return device == null ? "" : device.id();
    }
}
