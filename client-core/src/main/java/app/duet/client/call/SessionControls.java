package app.duet.client.call;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import app.duet.client.call.media.DeviceCatalog;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.media.MediaEngine;
import app.duet.client.call.media.MediaSettings.VideoChoice;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.video.LatestFrameHolder;

/** {@link CallControls} on the engine's current session, its session factory and its media engine. */
final class SessionControls implements CallControls {

    private final Supplier<Optional<CallSession>> current;
    private final Supplier<CompletableFuture<Void>> hangup;
    private final CallSessionFactory sessions;
    private final MediaEngine media;
    private final CallEngineSettings settings;

    SessionControls(Supplier<Optional<CallSession>> current, Supplier<CompletableFuture<Void>> hangup,
                    CallSessionFactory sessions, MediaEngine media, CallEngineSettings settings) {
        this.current = current;
        this.hangup = hangup;
        this.sessions = sessions;
        this.media = media;
        this.settings = settings;
    }

    @Override
    public CompletableFuture<Void> hangup() {
        return hangup.get();
    }

    @Override
    public double remoteAudioLevel() {
        return current.get().map(CallSession::remoteAudioLevel).orElse(0.0);
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        current.get().ifPresent(s -> s.setMicrophoneMuted(muted));
    }

    @Override
    public void setCameraEnabled(boolean enabled) {
        current.get().ifPresent(s -> s.setCameraEnabled(enabled));
    }

    @Override
    public void startVideo() {
        current.get().ifPresent(s -> {
            if (settings.media().video() == VideoChoice.SYNTHETIC) {
                s.useSyntheticVideo();
            } else {
                s.useCamera();
            }
        });
    }

    @Override
    public CompletableFuture<Void> shareScreen(DisplayInfo display) {
        return current.get().map(s -> s.shareScreen(display)).orElseGet(SessionControls::noCall);
    }

    @Override
    public void stopScreenShare() {
        current.get().ifPresent(CallSession::stopScreenShare);
    }

    @Override
    public void restartIce() {
        current.get().ifPresent(CallSession::restartIce);
    }

    @Override
    public CompletableFuture<ChatMessage> sendChat(String text) {
        return current.get().map(s -> s.sendChat(text)).orElseGet(SessionControls::noCall);
    }

    @Override
    public String sendFile(Path file) throws IOException {
        return current.get().orElseThrow(() -> new IllegalStateException("There is no call.")).sendFile(file);
    }

    @Override
    public void cancelFile(String transferId) {
        current.get().ifPresent(s -> s.cancelFile(transferId));
    }

    @Override
    public void acceptFile(String transferId) {
        current.get().ifPresent(s -> s.acceptFile(transferId));
    }

    @Override
    public void declineFile(String transferId) {
        current.get().ifPresent(s -> s.declineFile(transferId));
    }

    @Override
    public LatestFrameHolder remoteVideo() {
        return sessions.remoteVideo();
    }

    @Override
    public LatestFrameHolder selfView() {
        return sessions.selfView();
    }

    @Override
    public List<DisplayInfo> displays() {
        return sessions.videoSources().displayCapturer().displays();
    }

    @Override
    public DeviceCatalog devices() {
        return media.devices();
    }

    @Override
    public void selectCamera(String deviceId) {
        sessions.useCamera(deviceId);
        current.get().filter(s -> !s.isSharingScreen()).ifPresent(s -> s.useCamera(deviceId));
    }

    @Override
    public boolean selectMicrophone(String deviceId) {
        return media.selectMicrophone(deviceId);
    }

    @Override
    public boolean selectSpeaker(String deviceId) {
        return media.selectSpeaker(deviceId);
    }

    @Override
    public void setForceRelay(boolean relay) {
        sessions.setForceRelay(relay);
    }

    private static <T> CompletableFuture<T> noCall() {
        return CompletableFuture.failedFuture(new IllegalStateException("There is no call."));
    }
}
