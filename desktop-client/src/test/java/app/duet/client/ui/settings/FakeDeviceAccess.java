package app.duet.client.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.duet.client.call.media.DeviceInfo;
import app.duet.client.call.video.LatestFrameHolder;

/** Devices the test lists; remembers what was selected and which previews ran. */
final class FakeDeviceAccess implements DeviceAccess {
    List<DeviceInfo> cameras = List.of();
    List<DeviceInfo> microphones = List.of();
    List<DeviceInfo> speakers = List.of();
    /** False for an engine that cannot preview outside a call. */
    boolean canPreview = true;
    RuntimeException listingFails;
    final List<DeviceInfo> selected = new ArrayList<>();
    final List<FakePreview> previews = new ArrayList<>();

    static DeviceInfo camera(String id, boolean isDefault) {
        return new DeviceInfo(DeviceInfo.Kind.CAMERA, id, "Camera " + id, isDefault);
    }

    static DeviceInfo microphone(String id, boolean isDefault) {
        return new DeviceInfo(DeviceInfo.Kind.MICROPHONE, id, "Microphone " + id, isDefault);
    }

    static DeviceInfo speaker(String id, boolean isDefault) {
        return new DeviceInfo(DeviceInfo.Kind.SPEAKER, id, "Speaker " + id, isDefault);
    }

    @Override
    public List<DeviceInfo> cameras() {
        if (listingFails != null) {
            throw listingFails;
        }
        return cameras;
    }

    @Override
    public List<DeviceInfo> microphones() {
        return microphones;
    }

    @Override
    public List<DeviceInfo> speakers() {
        return speakers;
    }

    @Override
    public void select(DeviceInfo device) {
        selected.add(device);
    }

    @Override
    public Optional<Preview> startPreview(String cameraId, String microphoneId) {
        if (!canPreview) {
            return Optional.empty();
        }
        FakePreview preview = new FakePreview(cameraId, microphoneId);
        previews.add(preview);
        return Optional.of(preview);
    }

    FakePreview lastPreview() {
        return previews.get(previews.size() - 1);
    }

    static final class FakePreview implements Preview {
        final String cameraId;
        final String microphoneId;
        final LatestFrameHolder video = new LatestFrameHolder();
        double level;
        boolean closed;

        FakePreview(String cameraId, String microphoneId) {
            this.cameraId = cameraId;
            this.microphoneId = microphoneId;
        }

        @Override
        public LatestFrameHolder video() {
            return video;
        }

        @Override
        public double microphoneLevel() {
            return level;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
