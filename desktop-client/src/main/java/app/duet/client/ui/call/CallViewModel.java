package app.duet.client.ui.call;

import java.time.Clock;
import java.time.Duration;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import app.duet.client.call.CallControls;
import app.duet.client.call.CallListener;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.call.video.LatestFrameHolder;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.Ticker;
import app.duet.client.ui.common.UserMessage;
import app.duet.protocol.Media;

/**
 * The call screen's state and commands, made when the call screen opens and {@link #detach() detached} when
 * the call ends. Call events arrive on the FX thread through {@link #listener()}; commands go to the
 * {@link CallControls}, which do their work on the engine's threads. Time comes from the injected clock and
 * the once-a-tenth-second updates (elapsed time, speaking indicator, fading notices) from the injected ticker.
 */
public final class CallViewModel {
    private final String peerName;
    private final String channel;
    private final Media media;
    private final Background background;
    private final CallControls controls;
    private final Clock clock;
    private final Runnable logOut;
    private final ReadOnlyObjectWrapper<CallState> state = new ReadOnlyObjectWrapper<>(CallState.ACCEPTED);
    private final ReadOnlyObjectWrapper<CallQuality> quality = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("0:00");
    private final ReadOnlyStringWrapper safetyCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RemoteMediaState> remoteMedia = new ReadOnlyObjectWrapper<>(RemoteMediaState.INITIAL);
    private final ReadOnlyDoubleWrapper remoteLevel = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<LatestFrameHolder> remoteVideo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LatestFrameHolder> selfView = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty qualityDetailsVisible = new SimpleBooleanProperty(false);
    private final Ticker.Ticking ticking;
    private final CallChatModel chat;
    private final OwnMediaModel own;
    private boolean active = true;
    private long connectedAtMillis = -1;
    private long noticeShownAtMillis;
    static final long CHAT_NOTICE_MILLIS = 6_000;

    /** Makes the call screen's view model, with what every call shares. */
    public record Factory(Background background, Clock clock, Ticker ticker, Runnable logOut) {
        public CallViewModel create(String peerName, String channel, Media media, CallControls controls) {
            return new CallViewModel(peerName, channel, media, controls, this);
        }
    }

    private CallViewModel(String peerName, String channel, Media media, CallControls controls, Factory shared) {
        this.logOut = shared.logOut();
        this.peerName = peerName;
        this.channel = channel;
        this.media = media;
        this.background = shared.background();
        this.clock = shared.clock();
        this.controls = controls;
        this.chat = new CallChatModel(peerName, controls, background, this::problem);
        this.own = new OwnMediaModel(media, controls, background, this::problem);
        remoteVideo.set(controls.remoteVideo());
        selfView.set(controls.selfView());
        ticking = shared.ticker().start(this::tick);
    }

    /** Receives the call's events; they arrive on the FX thread. */
    public CallListener listener() {
        return new CallListener() {
            @Override
            public void stateChanged(CallState now) {
                state.set(now);
                if (now == CallState.CONNECTED && connectedAtMillis < 0) {
                    connectedAtMillis = clock.millis();
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
                chat.received(m);
                if (!m.fromMe() && !chat.visibleProperty().get()) {
                    message.set(UserMessage.info(peerName + ": " + m.text()));
                    noticeShownAtMillis = clock.millis();
                }
            }

            @Override
            public void fileTransfer(FileTransferUpdate update) {
                chat.fileTransfer(update);
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
                chat.dataChannel(open);
            }

            @Override
            public void problem(String text) {
                CallViewModel.this.problem(text);
            }
        };
    }

    void detach() {
        ticking.stop();
        active = false;
        remoteVideo.set(null);
        selfView.set(null);
        state.set(CallState.ENDED);
    }

    void problem(String text) {
        message.set(UserMessage.error(text, problemHint(text)));
    }

    // ---- commands ----











    public void hangUp() {
        controls.hangup();
    }

    /** Ends the call and the session. */
    public void logOut() {
        controls.hangup();
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

    /** What this person sends: microphone, camera, screen. */
    public OwnMediaModel own() {
        return own;
    }

    /** The chat and files of the call. */
    public CallChatModel chat() {
        return chat;
    }

    public BooleanProperty qualityDetailsVisibleProperty() {
        return qualityDetailsVisible;
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




    private void tick() {
        // A chat notice fades after a few seconds, or as soon as the chat is open.
        if (noticeShownAtMillis > 0 && (chat.visibleProperty().get()
                || clock.millis() - noticeShownAtMillis > CHAT_NOTICE_MILLIS)) {
            noticeShownAtMillis = 0;
            if (message.get() != null && message.get().kind() == UserMessage.Kind.INFO) {
                message.set(null);
            }
        }
        remoteLevel.set(active ? controls.remoteAudioLevel() : 0);
        if (connectedAtMillis >= 0) {
            elapsed.set(CallTexts.elapsed(Duration.ofMillis(clock.millis() - connectedAtMillis)));
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
