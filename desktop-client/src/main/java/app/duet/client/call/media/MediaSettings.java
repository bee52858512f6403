package app.duet.client.call.media;

/**
 * What local media a call starts with.
 *
 * @param displayName  drawn on the synthetic camera
 * @param video        camera, synthetic pattern, or none (audio-only call)
 * @param cameraId     device descriptor, or null for the default camera
 * @param syntheticAudio a test tone instead of the microphone (tests, benchmarks, machines without audio)
 * @param microphoneId device descriptor, or null for the default microphone
 */
public record MediaSettings(String displayName, VideoChoice video, String cameraId, boolean syntheticAudio,
                            String microphoneId, int width, int height, int fps) {

    public enum VideoChoice { CAMERA, SYNTHETIC, NONE }

    public static MediaSettings defaults(String displayName) {
        return new MediaSettings(displayName, VideoChoice.CAMERA, null, false, null, 640, 480, 30);
    }

    public static MediaSettings synthetic(String displayName) {
        return new MediaSettings(displayName, VideoChoice.SYNTHETIC, null, true, null, 640, 480, 30);
    }

    public MediaSettings withVideo(VideoChoice choice) {
        return new MediaSettings(displayName, choice, cameraId, syntheticAudio, microphoneId, width, height, fps);
    }

    public MediaSettings withCamera(String newCameraId) {
        return new MediaSettings(displayName, video, newCameraId, syntheticAudio, microphoneId, width, height, fps);
    }

    public MediaSettings withSize(int newWidth, int newHeight, int newFps) {
        return new MediaSettings(displayName, video, cameraId, syntheticAudio, microphoneId, newWidth, newHeight, newFps);
    }
}
