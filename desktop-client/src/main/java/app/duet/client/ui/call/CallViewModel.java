package app.duet.client.ui.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import app.duet.client.call.CallEngine;
import app.duet.client.call.CallListener;
import app.duet.client.call.media.DisplayInfo;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.Media;

/**
 * The call screen's state and commands. Call events arrive on the FX thread through {@link #listener()};
 * commands go to the {@link CallEngine}, which does its work on its own threads.
 */
public final class CallViewModel {
    private final String peerName;
    private final String channel;
    private final Media media;
    private final Background background;
    private final CallEngine engine;
    private final Runnable logOut;
    private final ReadOnlyObjectWrapper<CallState> state = new ReadOnlyObjectWrapper<>(CallState.ACCEPTED);
    private final ReadOnlyObjectWrapper<CallQuality> quality = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("0:00");
    private final ReadOnlyStringWrapper safetyCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper micOn = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper cameraOn;
    private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dataOpen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RemoteMediaState> remoteMedia = new ReadOnlyObjectWrapper<>(RemoteMediaState.INITIAL);
    private final ReadOnlyDoubleWrapper remoteLevel = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<LatestFrameHolder> remoteVideo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LatestFrameHolder> selfView = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty chatVisible = new SimpleBooleanProperty(false);
    private final BooleanProperty qualityDetailsVisible = new SimpleBooleanProperty(false);
    private final ObservableList<ChatMessage> chat = FXCollections.observableArrayList();
    private final ObservableList<FileTransferUpdate> transfers = FXCollections.observableArrayList();
    private final ObservableList<FileTransferUpdate> fileOffers = FXCollections.observableArrayList();
    // One read-only view each: a view listens to its list weakly, so a view made per call (and listened to)
    // could be garbage collected with its listeners.
    private final ObservableList<ChatMessage> chatView = FXCollections.unmodifiableObservableList(chat);
    private final ObservableList<FileTransferUpdate> transfersView = FXCollections.unmodifiableObservableList(transfers);
    private final ObservableList<FileTransferUpdate> fileOffersView = FXCollections.unmodifiableObservableList(fileOffers);
    private final Timeline ticker;
    /** An audio call sends no video until the camera is first turned on. */
    private boolean videoStarted;
    private boolean active = true;
    private long connectedAtMillis = -1;
    private long noticeShownAtMillis;
    static final long CHAT_NOTICE_MILLIS = 6_000;

    public CallViewModel(String peerName, String channel, Media media, CallEngine engine, Background background,
                         Runnable logOut) {
        this.logOut = logOut;
        this.peerName = peerName;
        this.channel = channel;
        this.media = media;
        this.background = background;
        this.engine = engine;
        this.cameraOn = new ReadOnlyBooleanWrapper(media == Media.VIDEO);
        this.videoStarted = media == Media.VIDEO;
        remoteVideo.set(engine.controls().remoteVideo());
        selfView.set(engine.controls().selfView());
        // Once a second: the timer; ten times a second: the speaking indicator.
        ticker = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** Receives the call's events; they arrive on the FX thread. */
    public CallListener listener() {
        return new CallListener() {
            @Override
            public void stateChanged(CallState now) {
                state.set(now);
                if (now == CallState.CONNECTED && connectedAtMillis < 0) {
                    connectedAtMillis = System.currentTimeMillis();
                }
                if (now == CallState.RECONNECTING) {
                    message.set(UserMessage.warning("Reconnecting…", "The connection dropped; Duet is restoring it."));
                } else if (now == CallState.CONNECTED) {
                    message.set(null);
                }
            }

            @Override
            public void quality(CallQuality q) {
                quality.set(q);
            }

            @Override
            public void chat(ChatMessage m) {
                chat.add(m);
                if (!m.fromMe() && !chatVisible.get()) {
                    message.set(UserMessage.info(peerName + ": " + m.text()));
                    noticeShownAtMillis = System.currentTimeMillis();
                }
            }

            @Override
            public void fileTransfer(FileTransferUpdate update) {
                fileOffers.removeIf(t -> t.transferId().equals(update.transferId()));
                if (update.status() == FileTransferUpdate.Status.OFFERED) {
                    fileOffers.add(update);
                    chatVisible.set(true); // the offer, theirs to answer or ours to withdraw, waits in the chat panel
                    return;
                }
                transfers.removeIf(t -> t.transferId().equals(update.transferId()));
                transfers.add(update);
            }

            @Override
            public void remoteMedia(RemoteMediaState now) {
                remoteMedia.set(now);
            }

            @Override
            public void safetyCode(String code) {
                safetyCode.set(code);
            }

            @Override
            public void dataChannel(boolean open) {
                dataOpen.set(open);
            }

            @Override
            public void problem(String text) {
                CallViewModel.this.problem(text);
            }
        };
    }

    void detach() {
        ticker.stop();
        active = false;
        remoteVideo.set(null);
        selfView.set(null);
        state.set(CallState.ENDED);
    }

    void problem(String text) {
        message.set(UserMessage.error(text, problemHint(text)));
    }

    // ---- commands ----

    public void toggleMic() {
        micOn.set(!micOn.get());
        engine.controls().setMicrophoneMuted(!micOn.get());
    }

    public void toggleCamera() {
        cameraOn.set(!cameraOn.get());
        if (cameraOn.get() && !videoStarted && !sharing.get()) {
            videoStarted = true;
            engine.controls().startVideo();
        }
        engine.controls().setCameraEnabled(cameraOn.get());
    }

    /** The screens that can be shared, listed on a worker. */
    public CompletableFuture<List<DisplayInfo>> displays() {
        return background.supply(engine.controls()::displays);
    }

    public void shareScreen(DisplayInfo display) {
        engine.controls().shareScreen(display).whenCompleteAsync((ok, error) -> {
            if (error == null) {
                sharing.set(true);
            } else {
                problem("Your screen could not be shared: " + Background.cause(error).getMessage());
            }
        }, background.uiExecutor());
    }

    public void stopSharing() {
        engine.controls().stopScreenShare();
        sharing.set(false);
    }

    public void sendChat(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        engine.controls().sendChat(text.strip()).whenCompleteAsync((sent, error) -> {
            if (error != null) {
                problem(Background.cause(error).getMessage());
            }
        }, background.uiExecutor());
    }

    public void sendFile(Path file) {
        background.supply(() -> engine.controls().sendFile(file)).whenComplete((id, error) -> {
            if (error != null) {
                problem("The file could not be sent: " + Background.cause(error).getMessage());
            }
        });
    }

    /** Receives an offered file into the download folder. */
    public void acceptFile(FileTransferUpdate offer) {
        fileOffers.remove(offer);
        engine.controls().acceptFile(offer.transferId());
    }

    public void declineFile(FileTransferUpdate offer) {
        fileOffers.remove(offer);
        engine.controls().declineFile(offer.transferId());
    }

    /** Takes back a file we offered that the other person has not answered yet. */
    public void withdrawFile(FileTransferUpdate offer) {
        fileOffers.remove(offer);
        engine.controls().cancelFile(offer.transferId());
    }

    public void hangUp() {
        engine.hangup();
    }

    /** Ends the call and the session. */
    public void logOut() {
        engine.hangup();
        logOut.run();
    }

    // ---- state ----

    public String peerName() {
        return peerName;
    }

    public String channel() {
        return channel;
    }

    public ReadOnlyObjectProperty<CallState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty safetyCodeProperty() {
        return safetyCode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty micOnProperty() {
        return micOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dataOpenProperty() {
        return dataOpen.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RemoteMediaState> remoteMediaProperty() {
        return remoteMedia.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty remoteLevelProperty() {
        return remoteLevel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LatestFrameHolder> remoteVideoProperty() {
        return remoteVideo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LatestFrameHolder> selfViewProperty() {
        return selfView.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty chatVisibleProperty() {
        return chatVisible;
    }

    public BooleanProperty qualityDetailsVisibleProperty() {
        return qualityDetailsVisible;
    }

    public ObservableList<ChatMessage> chat() {
        return chatView;
    }

    public ObservableList<FileTransferUpdate> transfers() {
        return transfersView;
    }

    /** Offers waiting for an answer: the other person's, for us to answer, and ours, which we may withdraw. */
    public ObservableList<FileTransferUpdate> fileOffers() {
        return fileOffersView;
    }

    /** "Connecting…", "Connected", "Connected · relayed", "Reconnecting…". */
    public StringBinding statusText() {
        return Bindings.createStringBinding(() -> CallTexts.status(state.get(), quality.get()), state, quality);
    }

    public StringBinding qualityText() {
        return Bindings.createStringBinding(() -> CallTexts.grade(quality.get()), quality);
    }

    public StringBinding qualityDetails() {
        return Bindings.createStringBinding(() -> CallTexts.details(quality.get()), quality);
    }

    /** "Ann muted their microphone", "Ann turned their camera off", "Ann is sharing their screen", or "". */
    public StringBinding remoteStatusText() {
        return Bindings.createStringBinding(() -> CallTexts.remote(peerName, remoteMedia.get()), remoteMedia);
    }

    public StringBinding micText() {
        return Bindings.createStringBinding(() -> micOn.get()
                ? "Microphone on — press to mute" : "Microphone muted — press to unmute", micOn);
    }

    public StringBinding cameraText() {
        return Bindings.createStringBinding(() -> cameraOn.get()
                ? "Camera on — press to turn off" : "Camera off — press to turn on", cameraOn);
    }

    public StringBinding shareText() {
        return Bindings.createStringBinding(() -> sharing.get()
                ? "Sharing your screen — press to stop" : "Share your screen", sharing);
    }

    private void tick() {
        // A chat notice fades after a few seconds, or as soon as the chat is open.
        if (noticeShownAtMillis > 0 && (chatVisible.get()
                || System.currentTimeMillis() - noticeShownAtMillis > CHAT_NOTICE_MILLIS)) {
            noticeShownAtMillis = 0;
            if (message.get() != null && message.get().kind() == UserMessage.Kind.INFO) {
                message.set(null);
            }
        }
        remoteLevel.set(active ? engine.remoteAudioLevel() : 0);
        if (connectedAtMillis >= 0) {
            elapsed.set(CallTexts.elapsed(Duration.ofMillis(System.currentTimeMillis() - connectedAtMillis)));
        }
    }

    private static String problemHint(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("camera") || lower.contains("microphone")) {
            return "The call goes on without it; check Settings for your devices.";
        }
        if (lower.contains("connect")) {
            return "A firewall may block direct calls: a TURN server (ask your admin) and \"Always relay\" in Settings can help.";
        }
        return "";
    }
}
