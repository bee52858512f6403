package app.duet.client.call;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.media.RobotDisplayCapturer;
import app.duet.client.call.media.VideoSources;
import app.duet.client.call.model.IceServerConfig;
import app.duet.client.call.negotiation.Role;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.signaling.SignalingClient;

/**
 * Builds the {@link CallSession} of each call the engine makes or accepts: its media (the settings' camera
 * or the one picked since, video or not, our display name), its path (relayed or not) and its signaling port.
 * Every session draws into the same self-view and remote-video holders, which the UI binds once.
 */
final class CallSessionFactory {

    private final SignalingClient signaling;
    private final MediaEngine media;
    private final CallEngineSettings settings;
    private final VideoSources videoSources;
    private final CallEngineListener listener;
    private final Executor listenerExecutor;
    private final Consumer<String> failed;
    private final LatestFrameHolder selfView = new LatestFrameHolder();
    private final LatestFrameHolder remoteVideo = new LatestFrameHolder();
    private volatile String cameraId; // null = the settings' camera
    private volatile boolean forceRelay;

    CallSessionFactory(SignalingClient signaling, MediaEngine media, CallEngineSettings settings,
                       CallEngineListener listener, Executor listenerExecutor, Consumer<String> failed) {
        this.signaling = signaling;
        this.media = media;
        this.settings = settings;
        this.videoSources = new VideoSources(media.devices(), new RobotDisplayCapturer());
        this.listener = listener;
        this.listenerExecutor = listenerExecutor;
        this.failed = failed;
        this.forceRelay = settings.forceRelay();
    }

    /**
     * The session of call {@code callId}, in {@code role}; the engine starts it ringing. A session that
     * cannot be set up hands its call id to {@code failed} (given to the constructor).
     */
    CallSession create(String callId, Role role, List<IceServerConfig> servers, boolean video) {
        CallOptions options = new CallOptions(servers, forceRelay, callMedia(video), settings.downloadDir());
        SignalingPort port = new CallSignalingPort(signaling, callId);
        return new CallSession(callId, media, role, options, videoSources, port, listener, listenerExecutor,
                selfView, remoteVideo, () -> failed.accept(callId));
    }

    void useCamera(String deviceId) {
        cameraId = deviceId;
    }

    void setForceRelay(boolean relay) {
        forceRelay = relay;
    }

    LatestFrameHolder selfView() {
        return selfView;
    }

    LatestFrameHolder remoteVideo() {
        return remoteVideo;
    }

    VideoSources videoSources() {
        return videoSources;
    }

    private MediaSettings callMedia(boolean video) {
        String camera = cameraId;
        MediaSettings base = camera == null ? settings.media() : settings.media().withCamera(camera);
        String name = signaling.user().map(u -> u.displayName()).orElse(base.displayName());
        return base.withVideo(video ? base.video() : VideoChoice.NONE).withDisplayName(name);
    }
}
