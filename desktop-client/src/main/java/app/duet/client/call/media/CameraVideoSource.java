package app.duet.client.call.media;

import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;

/** A real camera through libwebrtc's capture module. */
final class CameraVideoSource extends AbstractLocalVideoSource {

    private final VideoDeviceSource source;

    private CameraVideoSource(VideoDeviceSource source, String label) {
        super(VideoSourceKind.CAMERA, label, source);
        this.source = source;
    }

    static CameraVideoSource start(VideoDevice device, int width, int height, int fps) throws MediaUnavailableException {
        VideoDeviceSource source = new VideoDeviceSource();
        try {
            source.setVideoCaptureDevice(device);
            source.setVideoCaptureCapability(new VideoCaptureCapability(width, height, fps));
            source.start();
            return new CameraVideoSource(source, device.getName());
        } catch (Error | RuntimeException e) { // the native layer reports a missing or busy device as java.lang.Error
            source.dispose();
            throw new MediaUnavailableException("The camera \"" + device.getName() + "\" could not be started.", e);
        }
    }

    @Override
    public void close() {
        source.stop();
        source.dispose();
    }
}
