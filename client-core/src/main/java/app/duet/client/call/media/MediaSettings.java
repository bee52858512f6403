package app.duet.client.call.media;

/**
 * What local media a call starts with.
 *
 * @param displayName  drawn on the synthetic camera
 * @param video        camera, synthetic pattern, or none (audio-only call)
 * @param cameraId     device descriptor, or null for the default camera
 * @param audio        microphone, a test tone, or none
 * @param microphoneId device descriptor, or null for the default microphone
 * @param plan         what the call sends and does with what arrives: {@link MediaPlan#ownMedia()} for the app;
 *                     another plan may read {@code video} and {@code audio} only as whether a call starts with
 *                     video and audio (e.g. a bot that sends back what it receives)
 * @param look         what the synthetic camera shows (the pattern, or a camera-like picture for benchmarks)
 */
public record MediaSettings(String displayName, VideoChoice video, String cameraId, AudioChoice audio,
                            String microphoneId, int width, int height, int fps, MediaPlan plan, SyntheticLook look) {

    /** Settings whose synthetic camera shows the pattern. */
    public MediaSettings(String displayName, VideoChoice video, String cameraId, AudioChoice audio,
                         String microphoneId, int width, int height, int fps, MediaPlan plan) {
        this(displayName, video, cameraId, audio, microphoneId, width, height, fps, plan, SyntheticLook.PATTERN);
    }

    public enum VideoChoice { CAMERA, SYNTHETIC, NONE }

    /**
     * MICROPHONE falls back to the tone when there is no sound server; SYNTHETIC is the tone (tests,
     * benchmarks, bots); NONE sends no audio track at all (benchmarks measuring video without lip sync).
     */
    public enum AudioChoice { MICROPHONE, SYNTHETIC, NONE }

    public static MediaSettings defaults(String displayName) {
        return new MediaSettings(displayName, VideoChoice.CAMERA, null, AudioChoice.MICROPHONE, null, 640, 480, 30,
                MediaPlan.ownMedia());
    }

    public static MediaSettings synthetic(String displayName) {
        return new MediaSettings(displayName, VideoChoice.SYNTHETIC, null, AudioChoice.SYNTHETIC, null, 640, 480, 30,
                MediaPlan.ownMedia());
    }

    public MediaSettings withVideo(VideoChoice choice) {
        return new MediaSettings(displayName, choice, cameraId, audio, microphoneId, width, height, fps, plan, look);
    }

    public MediaSettings withAudio(AudioChoice choice) {
        return new MediaSettings(displayName, video, cameraId, choice, microphoneId, width, height, fps, plan, look);
    }

    public MediaSettings withCamera(String newCameraId) {
        return new MediaSettings(displayName, video, newCameraId, audio, microphoneId, width, height, fps, plan, look);
    }

    public MediaSettings withSize(int newWidth, int newHeight, int newFps) {
        return new MediaSettings(displayName, video, cameraId, audio, microphoneId, newWidth, newHeight, newFps, plan, look);
    }

    public MediaSettings withDisplayName(String name) {
        return new MediaSettings(name, video, cameraId, audio, microphoneId, width, height, fps, plan, look);
    }

    public MediaSettings withLook(SyntheticLook newLook) {
        return new MediaSettings(displayName, video, cameraId, audio, microphoneId, width, height, fps, plan, newLook);
    }

    public MediaSettings withPlan(MediaPlan newPlan) {
        return new MediaSettings(displayName, video, cameraId, audio, microphoneId, width, height, fps, newPlan, look);
    }
}
