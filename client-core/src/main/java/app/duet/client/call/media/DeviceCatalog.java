package app.duet.client.call.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.video.VideoDevice;

/**
 * Lists cameras, microphones and speakers. Each query runs on a worker with a timeout because libpulse
 * can hang forever; audio devices are not queried at all without a sound server. Call off the UI thread.
 */
public final class DeviceCatalog {

    /** By descriptor, shorter first, so /dev/video2 comes before /dev/video10. */
    private static final Comparator<VideoDevice> CAMERA_ORDER = Comparator
            .comparingInt((VideoDevice d) -> d.getDescriptor().length())
            .thenComparing(VideoDevice::getDescriptor);

    private final boolean audioAvailable;
    private final long timeoutMillis;

    DeviceCatalog(boolean audioAvailable, long timeoutMillis) {
        this.audioAvailable = audioAvailable;
        this.timeoutMillis = timeoutMillis;
    }

    public List<DeviceInfo> cameras() {
        List<VideoDevice> devices = camerasInOrder();
        List<DeviceInfo> result = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            result.add(info(DeviceInfo.Kind.CAMERA, devices.get(i), i == 0));
        }
        return result;
    }

    public List<DeviceInfo> microphones() {
        return audioDevices(DeviceInfo.Kind.MICROPHONE, MediaDevices::getAudioCaptureDevices,
                MediaDevices::getDefaultAudioCaptureDevice);
    }

    public List<DeviceInfo> speakers() {
        return audioDevices(DeviceInfo.Kind.SPEAKER, MediaDevices::getAudioRenderDevices,
                MediaDevices::getDefaultAudioRenderDevice);
    }

    /** The camera with this descriptor; for null, the default (the first in {@link #cameras()}). */
    Optional<VideoDevice> camera(String id) {
        return camerasInOrder().stream()
                .filter(d -> id == null || d.getDescriptor().equals(id))
                .findFirst();
    }

    /**
     * webrtc-java keeps cameras in a set ordered by memory address, so its list order changes from run to
     * run; sorting by descriptor makes the default stable (on Linux /dev/video0, the built-in camera first).
     */
    private List<VideoDevice> camerasInOrder() {
        List<VideoDevice> devices = new ArrayList<>(query("camera list", MediaDevices::getVideoCaptureDevices));
        devices.sort(CAMERA_ORDER);
        return devices;
    }

    Optional<AudioDevice> microphone(String id) {
        if (!audioAvailable) {
            return Optional.empty();
        }
        return query("microphone list", MediaDevices::getAudioCaptureDevices).stream()
                .filter(d -> d.getDescriptor().equals(id))
                .findFirst();
    }

    Optional<AudioDevice> defaultMicrophone() {
        if (!audioAvailable) {
            return Optional.empty();
        }
        return NativeProbe.call("default microphone", MediaDevices::getDefaultAudioCaptureDevice, timeoutMillis);
    }

    Optional<AudioDevice> speaker(String id) {
        if (!audioAvailable) {
            return Optional.empty();
        }
        return query("speaker list", MediaDevices::getAudioRenderDevices).stream()
                .filter(d -> d.getDescriptor().equals(id))
                .findFirst();
    }

    private List<DeviceInfo> audioDevices(DeviceInfo.Kind kind, Supplier<List<AudioDevice>> list,
                                          Supplier<AudioDevice> defaultDevice) {
        if (!audioAvailable) {
            return List.of();
        }
        List<AudioDevice> devices = query(kind + " list", list);
        AudioDevice chosen = NativeProbe.call("default " + kind, defaultDevice::get, timeoutMillis).orElse(null);
        List<DeviceInfo> result = new ArrayList<>();
        for (AudioDevice device : devices) {
            result.add(info(kind, device, device.equals(chosen)));
        }
        return result;
    }

    private <T> List<T> query(String what, Supplier<List<T>> list) {
        return NativeProbe.call(what, list::get, timeoutMillis).orElse(Collections.emptyList());
    }

    private static DeviceInfo info(DeviceInfo.Kind kind, Device device, boolean isDefault) {
        return new DeviceInfo(kind, device.getDescriptor(), device.getName(), isDefault);
    }
}
