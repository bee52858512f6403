package app.duet.client.ui.call;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.call.CallEnd;
import app.duet.client.call.CallEngine;
import app.duet.client.call.CallEngineListener;
import app.duet.client.call.CallListener;
import app.duet.client.call.IncomingCall;
import app.duet.client.call.model.CallQuality;
import app.duet.client.call.model.CallState;
import app.duet.client.call.model.ChatMessage;
import app.duet.client.call.model.FileTransferUpdate;
import app.duet.client.call.model.RemoteMediaState;
import app.duet.client.notify.CallAlert;
import app.duet.client.notify.RingAlerts;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.sound.RingTone;
import app.duet.client.ui.channels.CallLauncher;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.DisplayNames;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.shell.MainWindow;
import app.duet.client.ui.shell.Screen;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;

/**
 * The call dialogs and screen on top of the {@link CallEngine}: the ringing dialog while the other side
 * rings, the incoming-call dialog, the call screen while a call lasts, and what to say when it ends; the
 * ring tone plays while a dialog rings (unless turned off in Settings). The engine reports on the FX
 * thread; one call at a time.
 */
public final class CallCoordinator implements CallLauncher, CallEngineListener {
    private static final Logger log = LoggerFactory.getLogger(CallCoordinator.class);

    private final MainWindow window;
    private final Background background;
    private final Consumer<Screen> showScreen;
    /** Back to the channels, the focus on the card of the call's channel. */
    private final Consumer<String> backToChannels;
    private final RingTone ringTone;
    private final BooleanSupplier ringSoundOn;
    private final FilePicker files;
    private final RingAlerts alerts;
    private CallEngine engine;
    private String engineProblem;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private RingingOverlay ringing;
    private String ringingPeer;
    /** Our ring: the call screen opens for it once the call is accepted. */
    private OutgoingCall outgoing;
    private IncomingCallOverlay incomingDialog;
    private IncomingChoice incoming;
    private CallViewModel call;
    private final CallViewModel.Factory screens;
    private static final CallListener NO_SCREEN = new CallListener() { };

    /** What the call screen of our ring will show. */
    private record OutgoingCall(String peerName, String channel, Media media) {
    }

    public CallCoordinator(MainWindow window, Background background, Consumer<Screen> showScreen,
                           Consumer<String> backToChannels, RingTone ringTone, BooleanSupplier ringSoundOn,
                           FilePicker files, CallViewModel.Factory screens, RingAlerts alerts) {
        this.screens = screens;
        this.alerts = alerts;
        this.ringTone = ringTone;
        this.ringSoundOn = ringSoundOn;
        this.files = files;
        this.window = window;
        this.background = background;
        this.showScreen = showScreen;
        this.backToChannels = backToChannels;
    }

    /** The engine has started (it takes a few seconds, off the FX thread). */
    public void engineReady(CallEngine started) {
        engine = started;
        ready.set(true);
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue ready() {
        return ready.getReadOnlyProperty();
    }

    public void engineFailed(Throwable error) {
        log.error("The call engine could not start", error);
        engineProblem = "Calling is not available on this computer: " + SignalingClient.unwrap(error).getMessage()
                + ". Restart Duet; if it keeps happening, report this message.";
        ready.set(true);
    }

    // ---- outgoing ----

    @Override
    public void call(String channel, MemberInfo peer, Media media) {
        if (ringing != null || call != null) {
            return;
        }
        ringingPeer = peer.displayName();
        ringing = new RingingOverlay(peer.displayName(), channel, media == Media.VIDEO);
        if (engine == null) {
            ringing.finished(engineProblem != null ? engineProblem : "Calling is still starting up. Try again in a moment.",
                    this::closeRinging);
            window.showOverlay(ringing, this::closeRinging);
            return;
        }
        ringing.ringing("Calling " + peer.displayName() + "…", this::cancelRing);
        outgoing = new OutgoingCall(peer.displayName(), channel, media);
        window.showOverlay(ringing, this::cancelRing);
        RingingOverlay shown = ringing;
        engine.ring(channel, media == Media.VIDEO).whenCompleteAsync((callId, error) -> {
            if (ringing != shown) {
                return;
            }
            if (error != null) {
                ringing.finished(CallTexts.ringFailure(peer.displayName(), error), this::closeRinging);
            } else {
                ringing.ringing("Ringing " + peer.displayName() + "…", this::cancelRing);
                ring(RingTone.Tone.RINGBACK);
            }
        }, background.uiExecutor());
    }

    // ---- incoming ----

    @Override
    public void incomingCall(IncomingCall ring) {
        IncomingCall offered = new IncomingCall(ring.callId(), ring.channel(), ring.callerUsername(),
                DisplayNames.shown(ring.callerDisplayName()), ring.video());
        if (call != null || ringing != null) {
            return;
        }
        if (alerts.silenced()) {
            log.info("Do not disturb: the ring from {} is left to run out", offered.callerUsername());
            return;
        }
        incoming = new IncomingChoice(offered.callId(), media -> acceptIncoming(offered, media), () -> {
            closeIncoming();
            engine.decline();
        }, window::bringToFront);
        incomingDialog = new IncomingCallOverlay(offered.callerDisplayName(), offered.channel(),
                offered.video() ? Media.VIDEO : Media.AUDIO, incoming);
        window.showOverlay(incomingDialog, incoming::decline);
        ring(RingTone.Tone.INCOMING);
        alerts.ringing(new CallAlert(offered.callId(), offered.callerDisplayName(), offered.channel(), offered.video()),
                incoming);
    }

    private void acceptIncoming(IncomingCall offered, Media media) {
        closeIncoming();
        CallViewModel model = screens.create(offered.callerDisplayName(), offered.channel(), media, engine.controls());
        openCallScreen(model);
        engine.accept(media).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                model.problem("The call could not be accepted: " + ErrorMessages.of(error).full());
            }
        }, background.uiExecutor());
    }

    // ---- engine events (FX thread) ----

    @Override
    public void stateChanged(CallState state) {
        if (ringing != null && (state == CallState.ACCEPTED || state == CallState.NEGOTIATING
                || state == CallState.CONNECTED)) {
            OutgoingCall answered = outgoing;
            closeRinging();
            if (answered != null) {
                openCallScreen(screens.create(answered.peerName(), answered.channel(), answered.media(),
                        engine.controls()));
            }
        }
        screen().stateChanged(state);
    }

    @Override
    public void callEnded(String callId, CallEnd how) {
        String peer = call != null ? call.peerName() : ringingPeer != null ? ringingPeer : "The other person";
        String why = CallTexts.whyEnded(how, peer);
        if (ringing != null) {
            ringTone.stop();
            ringing.finished(why == null ? "Call cancelled." : why, this::closeRinging);
            outgoing = null;
            return;
        }
        if (incomingDialog != null) {
            closeIncoming();
        }
        if (call != null) {
            call.detach();
            backToChannels.accept(call.channel());
            call = null;
            if (why != null) {
                RingingOverlay dialog = new RingingOverlay(peer, "", false);
                dialog.setId("call-ended-overlay");
                dialog.finished("Call ended: " + why, () -> window.closeOverlay(dialog));
                window.showOverlay(dialog, () -> window.closeOverlay(dialog));
            }
        }
    }

    @Override
    public void quality(CallQuality quality) {
        screen().quality(quality);
    }

    @Override
    public void chat(ChatMessage message) {
        screen().chat(message);
    }

    @Override
    public void fileTransfer(FileTransferUpdate update) {
        screen().fileTransfer(update);
    }

    @Override
    public void remoteMedia(RemoteMediaState state) {
        screen().remoteMedia(state);
    }

    @Override
    public void safetyCode(String code) {
        screen().safetyCode(code);
    }

    @Override
    public void dataChannel(boolean open) {
        screen().dataChannel(open);
    }

    @Override
    public void problem(String message) {
        screen().problem(message);
    }

    /** Logged out or the session ended: no call survives that. */
    public void signedOut() {
        if (engine != null && (call != null || ringing != null)) {
            engine.hangup();
        }
        closeRinging();
        closeIncoming();
    }

    /** The open call screen's listener; nothing hears a call event while no call screen is open. */
    private CallListener screen() {
        return call != null ? call.listener() : NO_SCREEN;
    }

    private void openCallScreen(CallViewModel model) {
        call = model;
        showScreen.accept(new CallView(model, files));
    }

    private void cancelRing() {
        if (engine != null) {
            engine.hangup();
        }
        closeRinging();
    }

    private void ring(RingTone.Tone tone) {
        if (ringSoundOn.getAsBoolean()) {
            ringTone.play(tone);
        }
    }

    private void closeRinging() {
        ringTone.stop();
        if (ringing != null) {
            window.closeOverlay(ringing);
            ringing = null;
            ringingPeer = null;
            outgoing = null;
        }
    }

    private void closeIncoming() {
        if (incomingDialog != null) {
            ringTone.stop();
            window.closeOverlay(incomingDialog);
            incomingDialog = null;
            incoming.end();
            alerts.stopped(incoming.callId());
        }
    }

}
