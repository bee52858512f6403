package app.duet.client.call.media;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.duet.client.call.media.PulseStreamRouter.Direction;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the process-wide native objects: the audio device module and the peer connection factory.
 * Everything created from them (calls, local media) registers here and is closed first, in reverse order,
 * because libwebrtc's threads are non-daemon and the JVM cannot exit while any native object lives.
 */
public final class MediaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    static final long DEVICE_TIMEOUT_MILLIS = 3_000;

    private final AudioDeviceModuleBase audioModule;
    private final boolean realAudio;
    private final PeerConnectionFactory factory;
    private final DeviceCatalog devices;
    private final PulseStreamRouter router = PulseStreamRouter.forThisPlatform();
    private final Deque<AutoCloseable> children = new ArrayDeque<>();
    private String chosenMicrophone;
    private String chosenSpeaker;
    private boolean closed;

    private MediaEngine(AudioDeviceModuleBase audioModule, boolean realAudio) {
        this.audioModule = audioModule;
        this.realAudio = realAudio;
        this.factory = new PeerConnectionFactory(audioModule);
        // Playout must start after the factory exists, or remote audio is never pulled.
        audioModule.initPlayout();
        audioModule.startPlayout();
        this.devices = new DeviceCatalog(realAudio, DEVICE_TIMEOUT_MILLIS);
    }

    public static MediaEngine start(AudioMode mode) {
        return start(mode, System.getenv());
    }

    static MediaEngine start(AudioMode mode, Map<String, String> env) {
        if (mode == AudioMode.AUTO && new SoundServerProbe(env).soundServerLikely()) {
            Optional<AudioDeviceModule> real = NativeProbe.call("audio device module",
                    AudioDeviceModule::new, DEVICE_TIMEOUT_MILLIS, AudioDeviceModule::dispose);
            if (real.isPresent()) {
                LOG.info("Using the system audio devices");
                return new MediaEngine(real.get(), true);
            }
        }
        LOG.info("No sound server: using the headless audio module");
        return new MediaEngine(new HeadlessAudioDeviceModule(), false);
    }

    public PeerConnectionFactory factory() {
        checkOpen();
        return factory;
    }

    public AudioDeviceModuleBase audioModule() {
        checkOpen();
        return audioModule;
    }

    /** True when a real sound server drives audio; false with the headless module. */
    public boolean hasRealAudio() {
        return realAudio;
    }

    public DeviceCatalog devices() {
        return devices;
    }

    /**
     * Makes {@code id} the microphone, restarting capture if it runs. Returns false when there is no such
     * device (or no sound server). Blocks briefly on device queries: call off the UI thread.
     */
    public synchronized boolean selectMicrophone(String id) {
        checkOpen();
        Optional<AudioDevice> device = devices.microphone(id);
        if (device.isEmpty()) {
            return false;
        }
        Set<Long> before = router.streams(Direction.RECORDING);
        boolean selected = restart("microphone " + id, () -> {
            audioModule.stopRecording();
            audioModule.setRecordingDevice(device.get());
            audioModule.initRecording();
            audioModule.startRecording();
        }) && router.moveNew(Direction.RECORDING, before, id);
        if (selected) {
            chosenMicrophone = id;
        }
        return selected;
    }

    /** The microphone last selected, or null for the system default. */
    public synchronized String chosenMicrophone() {
        return chosenMicrophone;
    }

    /**
     * libwebrtc stops playout when a call ends and reopens the default speaker when the next one receives
     * audio, unless playout already runs: a call calls this before negotiating, so it plays on the chosen one.
     */
    public synchronized void reopenChosenSpeaker() {
        if (chosenSpeaker != null && !selectSpeaker(chosenSpeaker)) {
            LOG.warn("The chosen speaker {} is gone; playing on the default one", chosenSpeaker);
        }
    }

    /** Makes {@code id} the speaker, restarting playout. Returns false when there is no such device. */
    public synchronized boolean selectSpeaker(String id) {
        checkOpen();
        Optional<AudioDevice> device = devices.speaker(id);
        if (device.isEmpty()) {
            return false;
        }
        Set<Long> before = router.streams(Direction.PLAYBACK);
        boolean selected = restart("speaker " + id, () -> {
            audioModule.stopPlayout();
            audioModule.setPlayoutDevice(device.get());
            audioModule.initPlayout();
            audioModule.startPlayout();
        }) && router.moveNew(Direction.PLAYBACK, before, id);
        if (selected) {
            chosenSpeaker = id;
        }
        return selected;
    }

    private static boolean restart(String what, Runnable restart) {
        try {
            restart.run();
            return true;
        } catch (Error e) { // how the native layer reports a device that would not open
            LOG.warn("Switching to the {} failed: {}", what, e.getMessage());
            return false;
        }
    }

    /** Moves what the module reopened on the default device to the chosen one on Linux (see PulseStreamRouter). */
    PulseStreamRouter router() {
        return router;
    }

    /** Registers a child that must be closed before the factory is disposed. */
    public synchronized <T extends AutoCloseable> T own(T child) {
        checkOpen();
        children.push(child);
        return child;
    }

    /** A child closed early by its user no longer needs closing here. */
    public synchronized void release(AutoCloseable child) {
        children.remove(child);
    }

    /** How many registered owners (calls) are still open: none once every call is closed. */
    public synchronized int ownedCount() {
        return children.size();
    }

    private synchronized void checkOpen() {
        if (closed) {
            throw new IllegalStateException("media engine is closed");
        }
    }

    @Override
    public void close() {
        Deque<AutoCloseable> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayDeque<>(children);
            children.clear();
        }
        for (AutoCloseable child : toClose) {
            try {
                child.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", child, e);
            }
        }
        // Stop the devices while the factory still holds the module: disposing the factory terminates a
        // real module, and stopping a terminated one throws "Stop playout failed".
        stopDevice("recording", audioModule::stopRecording);
        stopDevice("playout", audioModule::stopPlayout);
        factory.dispose();
        audioModule.dispose();
        LOG.debug("Media engine disposed");
    }

    private static void stopDevice(String what, Runnable stop) {
        try {
            stop.run();
        } catch (Error e) { // how the native layer reports a device that would not stop
            LOG.warn("Stopping audio {} failed: {}", what, e.getMessage());
        }
    }
}
