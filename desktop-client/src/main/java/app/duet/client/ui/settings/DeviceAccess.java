package app.duet.client.ui.settings;

import java.util.List;
import java.util.Optional;

import app.duet.client.call.media.DeviceInfo;
import app.duet.client.call.video.LatestFrameHolder;

/**
 * What Settings needs from the media engine. Every method may block (device enumeration can take
 * seconds), so the view model calls them on a worker.
 */
public interface DeviceAccess {

    List<DeviceInfo> cameras();

    List<DeviceInfo> microphones();

    List<DeviceInfo> speakers();

    /** Uses this device from now on (also in a call in progress). */
    void select(DeviceInfo device);

    /**
     * Starts a camera preview and a microphone level meter; close it to release the devices. Empty when
     * the engine cannot preview outside a call.
     */
    Optional<Preview> startPreview(String cameraId, String microphoneId) throws Exception;

    /** A running preview. */
    interface Preview extends AutoCloseable {
        /** Frames of the chosen camera, or null when there is none. */
        LatestFrameHolder video();

        /** Current microphone loudness, 0..1. */
        double microphoneLevel();

        @Override
        void close();
    }
}
