package app.duet.client.call;

import app.duet.client.call.model.IceCandidateInfo;
import app.duet.client.signaling.ConnectionState;
import app.duet.client.signaling.SignalingListener;
import app.duet.protocol.EndReason;
import app.duet.protocol.Event;
import app.duet.protocol.Media;
import app.duet.protocol.PresenceState;
import app.duet.protocol.Result;

/**
 * Turns the signaling client's events about calls into {@link CallLifecycle} events on the engine's thread,
 * and relayed offers, answers and candidates into their session's input, in the order they came.
 */
final class SignalingEvents implements SignalingListener {

    private final CallEngine engine;

    SignalingEvents(CallEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onCallIncoming(Event.CallIncoming e) {
        IncomingCall call = new IncomingCall(e.callId(), e.channel(), e.from().username(), e.from().displayName(),
                e.media() == Media.VIDEO);
        engine.post(l -> l.callIncoming(call));
    }

    @Override
    public void onCallAccepted(Event.CallAccepted e) {
        engine.post(l -> l.callAccepted(e.callId()));
    }

    @Override
    public void onCallDeclined(Event.CallDeclined e) {
        engine.post(l -> l.callDeclined(e.callId()));
    }

    @Override
    public void onCallCancelled(Event.CallCancelled e) {
        engine.post(l -> l.callCancelled(e.callId()));
    }

    @Override
    public void onCallEnded(Event.CallEnded e) {
        engine.post(l -> l.callEnded(e.callId(), toEnd(e.reason())));
    }

    @Override
    public void onOffer(Event.Offer e) {
        engine.relay(e.callId(), s -> s.remoteOffer(e.sdp()));
    }

    @Override
    public void onAnswer(Event.Answer e) {
        engine.relay(e.callId(), s -> s.remoteAnswer(e.sdp()));
    }

    @Override
    public void onCandidate(Event.Candidate e) {
        if (e.candidate() == null || e.candidate().isEmpty()) {
            return; // end-of-candidates: libwebrtc does not need it
        }
        int index = e.sdpMLineIndex() == null ? 0 : e.sdpMLineIndex();
        IceCandidateInfo candidate = new IceCandidateInfo(e.sdpMid(), index, e.candidate());
        engine.relay(e.callId(), s -> s.remoteCandidate(candidate));
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        if (state != ConnectionState.CONNECTED) {
            engine.post(CallLifecycle::connectionLost);
        }
    }

    /**
     * The other member of our call's channel dropped or regained its connection: offers wait for it. Presence
     * that comes before our own resume is answered is left to that answer's {@code peerOnline}; if the two
     * crossed, the callee's fallback offer (or the caller's, once it hears of it) still brings them in step.
     */
    @Override
    public void onPresence(Event.Presence e) {
        if (e.state() == PresenceState.ONLINE || e.state() == PresenceState.OFFLINE) {
            engine.post(l -> l.presence(e.channel(), e.state() == PresenceState.ONLINE));
        }
    }

    @Override
    public void onSignedIn(Result.Auth auth, boolean resumed) {
        engine.post(l -> l.signedIn(resumed, auth.call()));
    }

    @Override
    public void onSignedOut(SignOutReason reason) {
        engine.post(CallLifecycle::signedOut);
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
