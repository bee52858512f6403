package app.duet.client;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import app.duet.client.call.CallListener;
import app.duet.client.call.CallOptions;
import app.duet.client.call.CallSession;
import app.duet.client.call.IceServerConfig;
import app.duet.client.call.SignalingPort;
import app.duet.client.call.media.AudioMode;
import app.duet.client.call.media.DeviceInfo;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.RobotDisplayCapturer;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.negotiation.Role;
import app.duet.client.config.ClientSettings;
import app.duet.client.ui.call.CallFactory;
import app.duet.client.ui.settings.DeviceAccess;
import app.duet.protocol.Media;

/**
 * Connects the UI to the call engine. The native engine starts on first use (on a worker, as every
 * method here is called from one) and is closed with the app, after every call it owns.
 */
final class EngineMedia implements CallFactory, DeviceAccess, AutoCloseable {
    private final AudioMode audioMode;
    private final Supplier<ClientSettings> settings;
    private final Supplier<String> displayName;
    private final Path downloadDir;
    private final RobotDisplayCapturer displays = new RobotDisplayCapturer();
    private MediaEngine engine;

    EngineMedia(AudioMode audioMode, Supplier<ClientSettings> settings, Supplier<String> displayName, Path downloadDir) {
        this.audioMode = audioMode;
        this.settings = settings;
        this.displayName = displayName;
        this.downloadDir = downloadDir;
    }

    private synchronized MediaEngine engine() {
        if (engine == null) {
            engine = MediaEngine.start(audioMode);
        }
        return engine;
    }

    @Override
    public CallSession create(Role role, Media media, List<IceServerConfig> iceServers, SignalingPort signaling,
                              CallListener listener, Executor listenerExecutor) {
        ClientSettings chosen = settings.get();
        MediaSettings base = MediaSettings.defaults(displayName.get());
        MediaSettings mediaSettings = new MediaSettings(base.displayName(),
                media == Media.VIDEO ? MediaSettings.VideoChoice.CAMERA : MediaSettings.VideoChoice.NONE,
                chosen.cameraChoice().orElse(null), !engine().hasRealAudio(), chosen.microphoneChoice().orElse(null),
                base.width(), base.height(), base.fps());
        CallOptions options = new CallOptions(iceServers, chosen.forceRelay(), mediaSettings, downloadDir);
        MediaEngine e = engine();
        return new CallSession(e, role, options, new VideoSources(e.devices(), displays), signaling, listener,
                listenerExecutor);
    }

    @Override
    public List<DisplayInfo> displays() {
        return displays.displays();
    }

    @Override
    public List<DeviceInfo> cameras() {
        return engine().devices().cameras();
    }

    @Override
    public List<DeviceInfo> microphones() {
        return engine().devices().microphones();
    }

    @Override
    public List<DeviceInfo> speakers() {
        return engine().devices().speakers();
    }

    @Override
    public Preview startPreview(String cameraId, String microphoneId) {
        throw new UnsupportedOperationException("The call engine has no device preview yet");
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
