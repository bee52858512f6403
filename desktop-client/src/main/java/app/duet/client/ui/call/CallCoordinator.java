package app.duet.client.ui.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.duet.client.call.CallSession;
import app.duet.client.call.IceCandidateInfo;
import app.duet.client.call.IceServerConfig;
import app.duet.client.call.SignalingPort;
import app.duet.client.call.negotiation.Role;
import app.duet.client.signaling.SignalingClient;
import app.duet.client.signaling.SignalingException;
import app.duet.client.signaling.SignalingListener;
import app.duet.client.ui.channels.CallLauncher;
import app.duet.client.ui.common.Background;
import app.duet.client.ui.common.ErrorMessages;
import app.duet.client.ui.shell.MainWindow;
import app.duet.client.ui.shell.Screen;
import app.duet.protocol.ErrorCode;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.MemberInfo;
import app.duet.protocol.UserInfo;

/**
 * The app's one call at a time: rings and shows the ringing dialog, shows incoming calls, creates the
 * media session when a call is accepted, relays offer/answer/candidates between the signaling client
 * and the session, and ends everything when either side hangs up. Runs on the FX thread.
 */
public final class CallCoordinator implements CallLauncher, SignalingListener {
    private static final Logger log = LoggerFactory.getLogger(CallCoordinator.class);

    private final SignalingClient client;
    private final CallFactory factory;
    private final MainWindow window;
    private final Background background;
    private final Consumer<Screen> showScreen;
    private final Runnable backToChannels;
    private ActiveCall call;
    private RingingOverlay ringing;
    private IncomingCallOverlay incoming;

    /** The call in progress; {@code id} is null until the server numbered an outgoing ring. */
    private final class ActiveCall {
        String id;
        final String channel;
        final UserInfo peer;
        final Media media;
        final Role role;
        CallSession session;
        CallViewModel model;
        /** Offer/answer/candidates that arrived before the session existed; replayed when it does. */
        final List<Consumer<CallSession>> early = new ArrayList<>();

        ActiveCall(String id, String channel, UserInfo peer, Media media, Role role) {
            this.id = id;
            this.channel = channel;
            this.peer = peer;
            this.media = media;
            this.role = role;
        }
    }

    public CallCoordinator(SignalingClient client, CallFactory factory, MainWindow window, Background background,
                           Consumer<Screen> showScreen, Runnable backToChannels) {
        this.client = client;
        this.factory = factory;
        this.window = window;
        this.background = background;
        this.showScreen = showScreen;
        this.backToChannels = backToChannels;
        client.addListener(this);
    }

    @Override
    public void call(String channel, MemberInfo peer, Media media) {
        if (call != null) {
            return;
        }
        ActiveCall outgoing = new ActiveCall(null, channel, new UserInfo(peer.username(), peer.displayName()), media,
                Role.CALLER);
        call = outgoing;
        ringing = new RingingOverlay(peer.displayName(), channel, media == Media.VIDEO);
        ringing.ringing("Calling " + peer.displayName() + "…", () -> cancel(outgoing));
        window.showOverlay(ringing, () -> cancel(outgoing));
        client.ring(channel, media).whenCompleteAsync((result, error) -> {
            if (call != outgoing) {
                return;
            }
            if (error != null) {
                ringFailed(outgoing, error);
            } else {
                outgoing.id = result.callId();
                ringing.ringing("Ringing " + peer.displayName() + "…", () -> cancel(outgoing));
            }
        }, background.uiExecutor());
    }

    @Override
    public void onCallIncoming(Event.CallIncoming event) {
        if (call != null) {
            // One call at a time; the server normally answers PEER_BUSY before this happens.
            client.decline(event.callId());
            return;
        }
        ActiveCall offered = new ActiveCall(event.callId(), event.channel(), event.from(), event.media(), Role.CALLEE);
        call = offered;
        incoming = new IncomingCallOverlay(event.from().displayName(), event.channel(), event.media(),
                new IncomingCallOverlay.Choice() {
                    @Override
                    public void accept(Media media) {
                        acceptIncoming(offered, media);
                    }

                    @Override
                    public void decline() {
                        client.decline(offered.id);
                        finish(offered);
                    }
                });
        window.showOverlay(incoming, () -> {
            client.decline(offered.id);
            finish(offered);
        });
    }

    @Override
    public void onCallAccepted(Event.CallAccepted event) {
        ActiveCall c = call;
        if (c != null && c.role == Role.CALLER && event.callId().equals(c.id)) {
            closeRinging();
            startMedia(c, c.media);
        }
    }

    @Override
    public void onCallDeclined(Event.CallDeclined event) {
        ActiveCall c = call;
        if (c != null && event.callId().equals(c.id) && ringing != null) {
            ringing.finished(c.peer.displayName() + " declined the call.", () -> finish(c));
            call = null;
        }
    }

    @Override
    public void onCallCancelled(Event.CallCancelled event) {
        ActiveCall c = call;
        if (c != null && event.callId().equals(c.id) && c.session == null) {
            finish(c);
        }
    }

    @Override
    public void onCallEnded(Event.CallEnded event) {
        ActiveCall c = call;
        if (c == null || !event.callId().equals(c.id)) {
            return;
        }
        String why = switch (event.reason()) {
            case NO_ANSWER -> c.peer.displayName() + " didn't answer.";
            case HANGUP -> c.peer.displayName() + " hung up.";
            case DISCONNECTED -> c.peer.displayName() + " lost their connection.";
            case CHANNEL_DELETED -> "The channel was deleted.";
            case LEFT_CHANNEL -> c.peer.displayName() + " left the channel.";
        };
        if (ringing != null && c.session == null) {
            ringing.finished(why, () -> finish(c));
            call = null;
        } else {
            boolean onCallScreen = c.model != null;
            finish(c);
            if (onCallScreen) {
                RingingOverlay dialog = finishedDialog("Call ended: " + why);
                window.showOverlay(dialog, () -> window.closeOverlay(dialog));
            }
        }
    }

    @Override
    public void onOffer(Event.Offer event) {
        withSession(event.callId(), s -> s.remoteOffer(event.sdp()));
    }

    @Override
    public void onAnswer(Event.Answer event) {
        withSession(event.callId(), s -> s.remoteAnswer(event.sdp()));
    }

    @Override
    public void onCandidate(Event.Candidate event) {
        withSession(event.callId(), s -> s.remoteCandidate(new IceCandidateInfo(event.sdpMid(),
                event.sdpMLineIndex() == null ? 0 : event.sdpMLineIndex(), event.candidate())));
    }

    /** Hangs up the current call (from the call screen). */
    void hangUp() {
        ActiveCall c = call;
        if (c != null) {
            if (c.id != null) {
                client.hangup(c.id);
            }
            finish(c);
        }
    }

    /** Logged out or the session ended: no call survives that. */
    public void signedOut() {
        ActiveCall c = call;
        if (c != null) {
            finish(c);
        }
    }

    public void close() {
        signedOut();
        client.removeListener(this);
    }

    /** The call shown on screen, for tests. */
    public CallViewModel currentCall() {
        return call == null ? null : call.model;
    }

    private void acceptIncoming(ActiveCall c, Media media) {
        closeIncoming();
        client.accept(c.id).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                if (call == c) {
                    call = null;
                }
                RingingOverlay dialog = finishedDialog(ErrorMessages.of(error).full());
                window.showOverlay(dialog, () -> window.closeOverlay(dialog));
                return;
            }
            startMedia(c, media);
        }, background.uiExecutor());
    }

    private void startMedia(ActiveCall c, Media media) {
        CallViewModel model = new CallViewModel(c.peer.displayName(), c.channel, media, background, factory,
                this::hangUp);
        c.model = model;
        showScreen.accept(new CallView(model));
        client.iceServers()
                .thenApply(r -> r.iceServers().stream()
                        .map(s -> new IceServerConfig(s.urls(), s.username(), s.credential())).toList())
                .exceptionally(error -> {
                    log.warn("No ICE servers from the server; trying direct connections only", error);
                    return List.of();
                })
                .thenComposeAsync(ice -> background.supply(() -> factory.create(c.role, media, ice, port(c),
                        model.listener(), background.uiExecutor())), background.uiExecutor())
                .whenCompleteAsync((session, error) -> {
                    if (error != null) {
                        model.problem("The call could not start: " + Background.cause(error).getMessage());
                        return;
                    }
                    if (call != c) {
                        background.run(session::close);
                        return;
                    }
                    c.session = session;
                    model.attach(session);
                    session.accepted();
                    c.early.forEach(action -> action.accept(session));
                    c.early.clear();
                }, background.uiExecutor());
    }

    private SignalingPort port(ActiveCall c) {
        return new SignalingPort() {
            @Override
            public void sendOffer(String sdp) {
                client.sendOffer(c.id, sdp);
            }

            @Override
            public void sendAnswer(String sdp) {
                client.sendAnswer(c.id, sdp);
            }

            @Override
            public void sendCandidate(IceCandidateInfo candidate) {
                client.sendCandidate(c.id, candidate.sdpMid(), candidate.sdpMLineIndex(), candidate.candidate());
            }
        };
    }

    private void ringFailed(ActiveCall c, Throwable error) {
        Throwable cause = Background.cause(error);
        String text = cause instanceof SignalingException.ServerError e && e.code() == ErrorCode.PEER_BUSY
                ? c.peer.displayName() + " is busy in another call. Try again later."
                : ErrorMessages.of(cause).full();
        ringing.finished(text, () -> finish(c));
        call = null;
    }

    private void cancel(ActiveCall c) {
        if (c.id != null) {
            client.cancel(c.id);
        }
        finish(c);
    }

    private void finish(ActiveCall c) {
        closeRinging();
        closeIncoming();
        if (call == c) {
            call = null;
        }
        CallSession session = c.session;
        c.session = null;
        if (session != null) {
            session.end();
            background.run(session::close);
        }
        if (c.model != null) {
            c.model.detach();
            c.model = null;
            backToChannels.run();
        }
    }

    private void withSession(String callId, Consumer<CallSession> action) {
        ActiveCall c = call;
        if (c == null || !Objects.equals(callId, c.id)) {
            return;
        }
        if (c.session != null) {
            action.accept(c.session);
        } else {
            c.early.add(action);
        }
    }

    private void closeRinging() {
        if (ringing != null) {
            window.closeOverlay(ringing);
            ringing = null;
        }
    }

    private void closeIncoming() {
        if (incoming != null) {
            window.closeOverlay(incoming);
            incoming = null;
        }
    }

    private RingingOverlay finishedDialog(String text) {
        RingingOverlay dialog = new RingingOverlay("", "", false);
        dialog.finished(text, () -> window.closeOverlay(dialog));
        return dialog;
    }
}
