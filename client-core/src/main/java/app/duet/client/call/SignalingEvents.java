package app.duet.client.call;

import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.CallInfo;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Result;

/**
 * Routes signaling events about calls to the {@link CallEngine} and its current session. Events arrive in
 * order on one thread, which confines the fields.
 */
final class SignalingEvents implements SignalingListener {

    private final CallEngine engine;
    /** Signed in on the current connection. */
    private boolean signedIn;

    SignalingEvents(CallEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onCallIncoming(Event.CallIncoming e) {
        engine.incoming(new IncomingCall(e.callId(), e.channel(), e.from().username(), e.from().displayName(),
                e.media() == Media.VIDEO));
    }

    @Override
    public void onCallAccepted(Event.CallAccepted e) {
        engine.onCallEvent(e.callId(), () -> engine.sessionFor(e.callId()).ifPresent(CallSession::accepted));
    }

    @Override
    public void onCallDeclined(Event.CallDeclined e) {
        engine.onCallEvent(e.callId(), () -> engine.finish(e.callId(), CallEnd.DECLINED));
    }

    @Override
    public void onCallCancelled(Event.CallCancelled e) {
        engine.onCallEvent(e.callId(), () -> engine.finish(e.callId(), CallEnd.CANCELLED));
    }

    @Override
    public void onCallEnded(Event.CallEnded e) {
        engine.onCallEvent(e.callId(), () -> engine.finish(e.callId(), toEnd(e.reason())));
    }

    @Override
    public void onOffer(Event.Offer e) {
        engine.onCallEvent(e.callId(), () -> engine.sessionFor(e.callId()).ifPresent(s -> s.remoteOffer(e.sdp())));
    }

    @Override
    public void onAnswer(Event.Answer e) {
        engine.onCallEvent(e.callId(), () -> engine.sessionFor(e.callId()).ifPresent(s -> s.remoteAnswer(e.sdp())));
    }

    @Override
    public void onCandidate(Event.Candidate e) {
        if (e.candidate() == null || e.candidate().isEmpty()) {
            return; // end-of-candidates: libwebrtc does not need it
        }
        int index = e.sdpMLineIndex() == null ? 0 : e.sdpMLineIndex();
        IceCandidateInfo candidate = new IceCandidateInfo(e.sdpMid(), index, e.candidate());
        engine.onCallEvent(e.callId(),
                () -> engine.sessionFor(e.callId()).ifPresent(s -> s.remoteCandidate(candidate)));
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        if (state != ConnectionState.CONNECTED) {
            signedIn = false;
        }
    }

    /**
     * The other member of our call's channel dropped or regained its connection: offers wait for it. Presence
     * that comes before our own resume is answered is left to that answer's {@code peerOnline}; if the two
     * crossed, the callee's fallback offer (or the caller's, once it hears of it) still brings them in step.
     */
    @Override
    public void onPresence(Event.Presence e) {
        if (signedIn && (e.state() == PresenceState.ONLINE || e.state() == PresenceState.OFFLINE)) {
            engine.sessionInChannel(e.channel()).ifPresent(s -> s.farSideConnected(e.state() == PresenceState.ONLINE));
        }
    }

    /**
     * After a reconnect the server tells which call of ours survived (also across a server restart). The
     * current call, if kept, resends what the lost connection may have swallowed; if not, it is over. A ring
     * to us that the server no longer has was cancelled while we were away. A call the server kept but we
     * ended meanwhile is hung up now.
     */
    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        signedIn = true;
        if (!resumed) {
            return;
        }
        CallInfo kept = auth.call();
        String ringId = engine.incomingCallId();
        if (ringId != null && !isCall(kept, ringId)) {
            engine.finish(ringId, CallEnd.CANCELLED);
        }
        String callId = engine.currentCallId();
        if (callId == null) {
            if (kept != null && kept.state() == app.duet.protocol.CallState.ACTIVE) {
                engine.hangUpLeftover(kept.callId());
            }
        } else if (isCall(kept, callId)) {
            boolean peerOnline = !Boolean.FALSE.equals(kept.peerOnline()); // absent from older servers
            engine.sessionFor(callId).ifPresent(s -> s.signalingResumed(peerOnline));
        } else {
            engine.finish(callId, CallEnd.DISCONNECTED);
        }
    }

    /** The server no longer knows our session (expired, revoked, or a server that lost its data): it ended our call. */
    @Override
    public void onSignedOut(SignOutReason reason) {
        String callId = engine.currentCallId();
        if (callId != null) {
            engine.finish(callId, CallEnd.DISCONNECTED);
        }
    }

    private static boolean isCall(CallInfo kept, String callId) {
        return kept != null && callId.equals(kept.callId());
    }

    private static CallEnd toEnd(EndReason reason) {
        if (reason == null) {
            return CallEnd.REMOTE_HANGUP;
        }
        return switch (reason) {
            case HANGUP -> CallEnd.REMOTE_HANGUP;
            case NO_ANSWER -> CallEnd.NO_ANSWER;
            case DISCONNECTED -> CallEnd.DISCONNECTED;
            case CHANNEL_DELETED, LEFT_CHANNEL -> CallEnd.CHANNEL_GONE;
        };
    }
}
