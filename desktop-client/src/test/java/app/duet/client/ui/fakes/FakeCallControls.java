package app.duet.client.ui.fakes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import app.duet.client.call.CallControls;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.media.DeviceCatalog;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.video.LatestFrameHolder;

/** {@link CallControls} that record what the screen asked for; futures are the test's to complete. */
public final class FakeCallControls implements CallControls {
    public final List<String> commands = new ArrayList<>();
    public final CompletableFuture<Void> screenShare = new CompletableFuture<>();
    public final CompletableFuture<ChatMessage> chatSent = new CompletableFuture<>();
    public final LatestFrameHolder remoteVideo = new LatestFrameHolder();
    public final LatestFrameHolder selfView = new LatestFrameHolder();
    public double remoteLevel;

    @Override
    public CompletableFuture<Void> hangup() {
        commands.add("hangup");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public double remoteAudioLevel() {
        return remoteLevel;
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        commands.add("microphone " + (muted ? "muted" : "on"));
    }

    @Override
    public void setCameraEnabled(boolean enabled) {
        commands.add("camera " + (enabled ? "on" : "off"));
    }

    @Override
    public void startVideo() {
        commands.add("start video");
    }

    @Override
    public CompletableFuture<Void> shareScreen(DisplayInfo display) {
        commands.add("share " + display.name());
        return screenShare;
    }

    @Override
    public void stopScreenShare() {
        commands.add("stop sharing");
    }

    @Override
    public void restartIce() {
        commands.add("restart ice");
    }

    @Override
    public CompletableFuture<ChatMessage> sendChat(String text) {
        commands.add("chat " + text);
        return chatSent;
    }

    @Override
    public String sendFile(Path file) {
        commands.add("file " + file.getFileName());
        return "t-1";
    }

    @Override
    public void cancelFile(String transferId) {
        commands.add("cancel " + transferId);
    }

    @Override
    public void acceptFile(String transferId) {
        commands.add("accept " + transferId);
    }

    @Override
    public void declineFile(String transferId) {
        commands.add("decline " + transferId);
    }

    @Override
    public LatestFrameHolder remoteVideo() {
        return remoteVideo;
    }

    @Override
    public LatestFrameHolder selfView() {
        return selfView;
    }

    @Override
    public List<DisplayInfo> displays() {
        return List.of();
    }

    @Override
    public DeviceCatalog devices() {
        throw new UnsupportedOperationException("the call screen lists no devices");
    }

    @Override
    public void selectCamera(String deviceId) {
        commands.add("camera " + deviceId);
    }

    @Override
    public boolean selectMicrophone(String deviceId) {
        return true;
    }

    @Override
    public boolean selectSpeaker(String deviceId) {
        return true;
    }

    @Override
    public void setForceRelay(boolean relay) {
        commands.add("relay " + relay);
    }
}
