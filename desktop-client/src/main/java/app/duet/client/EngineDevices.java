package app.duet.client;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import app.duet.client.call.CallEngine;
import app.duet.client.call.media.DeviceInfo;
import app.duet.client.ui.settings.DeviceAccess;

/** Settings' view of the call engine's devices. Every method runs on a worker (device queries may block). */
final class EngineDevices implements DeviceAccess {
    private final Supplier<Optional<CallEngine>> engine;

    EngineDevices(Supplier<Optional<CallEngine>> engine) {
        this.engine = engine;
    }

    @Override
    public List<DeviceInfo> cameras() {
        return engine.get().map(e -> e.devices().cameras()).orElse(List.of());
    }

    @Override
    public List<DeviceInfo> microphones() {
        return engine.get().map(e -> e.devices().microphones()).orElse(List.of());
    }

    @Override
    public List<DeviceInfo> speakers() {
        return engine.get().map(e -> e.devices().speakers()).orElse(List.of());
    }

    @Override
    public void select(DeviceInfo device) {
        engine.get().ifPresent(e -> {
            switch (device.kind()) {
                case CAMERA -> e.selectCamera(device.id());
                case MICROPHONE -> e.selectMicrophone(device.id());
                case SPEAKER -> e.selectSpeaker(device.id());
            }
        });
    }

    /** The engine offers no preview outside a call yet (see the report); Settings says so. */
    @Override
    public Optional<Preview> startPreview(String cameraId, String microphoneId) {
        return Optional.empty();
    }
}
