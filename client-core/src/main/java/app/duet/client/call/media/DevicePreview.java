package app.duet.client.call.media;

import java.util.Optional;
import java.util.Set;

import app.duet.client.call.media.PulseStreamRouter.Direction;
import app.duet.client.call.video.LatestFrameHolder;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioRecorder;
import dev.onvoid.webrtc.media.audio.AudioSink;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoTrack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera preview and microphone level meter for the settings page, outside any call. The microphone is
 * read through its own audio device module (libwebrtc's AudioRecorder), so it never disturbs the call's.
 * Open and close it off the UI thread; owns its track, source and recorder.
 */
public final class DevicePreview implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePreview.class);

    private final LatestFrameHolder video;
    private final TrackFrameConverter sink;
    private final LocalVideoSource camera;
    private final VideoTrack track;
    private final AudioRecorder recorder;
    private volatile double level;

    private DevicePreview(MediaEngine engine, LocalVideoSource camera, AudioDevice microphone) {
        this.camera = camera;
        if (camera != null) {
            video = new LatestFrameHolder();
            sink = new TrackFrameConverter(video);
            track = engine.factory().createVideoTrack("preview", camera.trackSource());
            track.addSink(sink);
        } else {
            video = null;
            sink = null;
            track = null;
        }
        if (microphone != null) {
            recorder = new AudioRecorder();
            recorder.setAudioDevice(microphone);
            recorder.setAudioSink(levelSink());
            Set<Long> before = engine.router().streams(Direction.RECORDING);
            recorder.start();
            // The recorder's module opens the default microphone on Linux, whatever was asked.
            engine.router().moveNew(Direction.RECORDING, before, microphone.getDescriptor());
        } else {
            recorder = null;
        }
    }

    /** Opens the chosen (or first) camera and microphone; either may be missing. Blocks on device queries. */
    public static DevicePreview start(MediaEngine engine, String cameraId, String microphoneId, int width, int height,
                                      int fps) {
        LocalVideoSource camera = null;
        Optional<VideoDevice> device = engine.devices().camera(cameraId);
        if (device.isPresent()) {
            // A camera that fails shows as a pattern that says so; the settings page has no problem banner.
            camera = CameraVideoSource.start(device.get(), width, height, fps,
                    new TestPatternProducer(width, height, "No picture from the camera"), LOG::warn);
        }
        AudioDevice microphone = null;
        if (engine.hasRealAudio()) {
            microphone = microphoneId == null ? engine.devices().defaultMicrophone().orElse(null)
                    : engine.devices().microphone(microphoneId).orElse(null);
        }
        return new DevicePreview(engine, camera, microphone);
    }

    private AudioSink levelSink() {
        return (samples, frames, bytesPerSample, channels, sampleRate, delay, drift) -> {
            if (bytesPerSample / Math.max(1, channels) == 2) {
                level = AudioLevelMeter.rms(samples, Math.min(frames * channels, samples.length / 2));
            }
        };
    }

    /** Frames of the camera, or null when there is none. */
    public LatestFrameHolder video() {
        return video;
    }

    /** Current microphone loudness, 0..1 (0 without a microphone). */
    public double microphoneLevel() {
        return level;
    }

    @Override
    public void close() {
        if (track != null) {
            track.removeSink(sink);
            track.dispose();
            camera.close();
        }
        if (recorder != null) {
            recorder.stop();
        }
    }
}
