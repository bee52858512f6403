package app.duet.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import app.duet.client.call.CallEngine;
import app.duet.client.call.media.DeviceInfo;
import app.duet.client.call.media.DevicePreview;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.ui.settings.DeviceAccess;

/** Settings' view of the call engine's devices and preview. Every method runs on a worker (device queries may block). */
final class EngineDevices implements DeviceAccess {
    /** Preview size: small, as it is only a check that the camera works. */
    static final int PREVIEW_WIDTH = 640;
    static final int PREVIEW_HEIGHT = 360;
    static final int PREVIEW_FPS = 15;

    private final Supplier<Optional<CallEngine>> engine;
    private final Supplier<Optional<MediaEngine>> media;

    EngineDevices(Supplier<Optional<CallEngine>> engine, Supplier<Optional<MediaEngine>> media) {
        this.engine = engine;
        this.media = media;
    }

    @Override
    public List<DeviceInfo> cameras() {
        return media.get().map(m -> m.devices().cameras()).orElse(List.of());
    }

    @Override
    public List<DeviceInfo> microphones() {
        return media.get().map(m -> m.devices().microphones()).orElse(List.of());
    }

    @Override
    public List<DeviceInfo> speakers() {
        return media.get().map(m -> m.devices().speakers()).orElse(List.of());
    }

    @Override
    public void select(DeviceInfo device) {
        engine.get().ifPresent(e -> {
            switch (device.kind()) {
                case CAMERA -> e.controls().selectCamera(device.id());
                case MICROPHONE -> e.controls().selectMicrophone(device.id());
                case SPEAKER -> e.controls().selectSpeaker(device.id());
            }
        });
    }

    @Override
    public Optional<Preview> startPreview(String cameraId, String microphoneId) {
        return media.get().map(m -> {
            DevicePreview preview = DevicePreview.start(m, cameraId, microphoneId, PREVIEW_WIDTH, PREVIEW_HEIGHT,
                    PREVIEW_FPS);
            return new Preview() {
                @Override
                public LatestFrameHolder video() {
                    return preview.video();
                }

                @Override
                public double microphoneLevel() {
                    return preview.microphoneLevel();
                }

                @Override
                public void close() {
                    preview.close();
                }
            };
        });
    }
}
